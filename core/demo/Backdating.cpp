#include "demo/Backdating.h"

#include "model/Approval.h"
#include "model/EntitySchema.h"
#include "store/Database.h"

using namespace Qt::StringLiterals;

namespace steward::demo {

Status backdateDecision(Database &owner, const Approval &decided, const QDateTime &at)
{
    if (!owner.isTeamDatabase())
        return std::nullopt;
    const QString time = toIsoTimestamp(at);
    const QString id = uuidText(decided.id);
    QList<std::pair<QString, QVariantList>> statements{
        {u"UPDATE mdm_approval SET decided_at = ? WHERE id = ?"_s, {time, id}},
        {u"UPDATE mdm_event SET occurred_at = ? WHERE correlation_id = ? AND type <> 'approval.requested'"_s,
         {time, id}}};
    if (decided.status == ApprovalStatus::Approved) {
        const QString table = EntitySchema::of(decided.entityType).table;
        statements.append({u"UPDATE "_s + table +
                               u" SET created_at = CASE WHEN version = 1 THEN ? ELSE created_at END, "
                               u"updated_at = ? WHERE tenant_id = ? AND canonical_key = ?"_s,
                           {time, time, uuidText(decided.tenantId), decided.entityKey}});
    }
    // Its events are sealed again from the first one moved on, so the audit chain holds.
    statements.append({u"SELECT steward_reseal_events(?, (SELECT MIN(seq) FROM mdm_event WHERE correlation_id = ? "
                       u"AND type <> 'approval.requested'))"_s,
                       {uuidText(decided.tenantId), id}});
    for (const auto &[sql, values] : statements) {
        if (auto result = owner.run(sql, values); !result)
            return result.error();
    }
    return std::nullopt;
}

} // namespace steward::demo
