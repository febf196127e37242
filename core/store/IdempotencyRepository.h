#pragma once

#include "model/Error.h"

#include <QDateTime>
#include <QUuid>

#include <optional>

namespace steward {

class Database;

// mdm_api_idempotency: the request a submission with an Idempotency-Key created.
struct IdempotentSubmission
{
    QString requestHash; // hex SHA-256 of the request body
    QUuid approvalId;
};

class IdempotencyRepository
{
public:
    explicit IdempotencyRepository(Database &database);

    Result<std::optional<IdempotentSubmission>> find(const QUuid &tenantId, const QString &userId,
                                                     const QString &key) const;
    Status remember(const QUuid &tenantId, const QString &userId, const QString &key,
                    const IdempotentSubmission &submission, const QDateTime &at);

private:
    Database &m_database;
};

} // namespace steward
