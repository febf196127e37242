#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace steward {

// A bearer token of the HTTP API as stored (mdm_api_token): who it speaks for and until
// when. The secret itself is never stored, only its SHA-256.
struct ApiToken
{
    QUuid id;
    QUuid tenantId;
    QString userId;
    QString hash; // hex SHA-256 of the secret
    QDateTime createdAt;
    QDateTime expiresAt; // invalid: never expires
    QDateTime revokedAt; // invalid: not revoked

    bool isRevoked() const { return revokedAt.isValid(); }
    bool hasExpired(const QDateTime &now) const { return expiresAt.isValid() && expiresAt <= now; }
};

namespace ApiSecret {
// 32 random bytes from the system's generator (256 bits), URL-safe text with a prefix
// that tells what it is ("stw_").
QByteArray generate();
// The hex SHA-256 a secret is stored and looked up as.
QString hash(const QByteArray &secret);
} // namespace ApiSecret

} // namespace steward
