#pragma once

#include "model/Error.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace steward::metrics {

// Who may read GET /metrics, for steward-cli serve and the GUI's endpoint alike: without a
// bearer token only this computer (a loopback address); with one, any address, and every
// /metrics request must then carry "Authorization: Bearer <token>" (else 401). /healthz
// stays open: it tells whether the database answers, nothing more.
class MetricsAccess
{
public:
    // Where a token comes from when no token file is named.
    static constexpr const char *TokenVariable = "STEWARD_METRICS_TOKEN";
    static constexpr int MinimumTokenLength = 16;

    // No token: loopback only.
    MetricsAccess() = default;
    // The token in `tokenFile` when one is named, else $STEWARD_METRICS_TOKEN when set,
    // else none. A file that cannot be read or a token too short to guess is refused.
    static Result<MetricsAccess> configure(const QString &tokenFile);
    static Result<MetricsAccess> withToken(const QByteArray &token, const QString &source);

    bool hasToken() const { return !m_token.isEmpty(); }
    // Refuses an address beyond loopback unless a token protects it. Callers add how to
    // configure one in their own terms (an option, a Preferences field).
    Status allowsListeningOn(const QHostAddress &address) const;
    // Whether a request with this Authorization header value may read /metrics.
    bool admits(const QByteArray &authorization) const;

private:
    QByteArray m_token;
};

} // namespace steward::metrics
