#include "store/IdempotencyRepository.h"

#include "model/Approval.h"
#include "store/Database.h"

using namespace Qt::StringLiterals;

namespace steward {

IdempotencyRepository::IdempotencyRepository(Database &database) : m_database(database) {}

Result<std::optional<IdempotentSubmission>> IdempotencyRepository::find(const QUuid &tenantId, const QString &userId,
                                                                        const QString &key) const
{
    auto query = m_database.run(u"SELECT request_hash, approval_id FROM mdm_api_idempotency "
                                u"WHERE tenant_id = ? AND user_id = ? AND idempotency_key = ?"_s,
                                {uuidText(tenantId), userId, key});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<IdempotentSubmission>();
    return std::optional<IdempotentSubmission>(IdempotentSubmission{
        query.value().value(0).toString(), QUuid::fromString(query.value().value(1).toString())});
}

Status IdempotencyRepository::remember(const QUuid &tenantId, const QString &userId, const QString &key,
                                       const IdempotentSubmission &submission, const QDateTime &at)
{
    auto query = m_database.run(u"INSERT INTO mdm_api_idempotency (tenant_id, user_id, idempotency_key, "
                                u"request_hash, approval_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                                {uuidText(tenantId), userId, key, submission.requestHash,
                                 uuidText(submission.approvalId), toIsoTimestamp(at)});
    if (!query)
        return query.error();
    return std::nullopt;
}

} // namespace steward
