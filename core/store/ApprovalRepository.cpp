#include "store/ApprovalRepository.h"

#include "Tr.h"
#include "json/JsonParser.h"
#include "store/Database.h"
#include "store/SqlDialect.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

const QStringList kSummaryColumns{
    u"id"_s,         u"tenant_id"_s,    u"entity_type"_s, u"entity_id"_s,       u"entity_key"_s,
    u"tier"_s,       u"lane"_s,         u"status"_s,      u"decision_reason"_s, u"requested_by"_s,
    u"decided_by"_s, u"requested_at"_s, u"decided_at"_s,  u"required_role"_s,   u"base_version"_s,
};

// The summary columns of mdm_approval, each after `prefix` (a table alias and a dot), its
// timestamps as the text readApproval reads fastest (without an alias, so that an ORDER BY
// of the column's name still means the column).
QString summaryColumns(const SqlDialect &dialect, const QString &prefix = {})
{
    QStringList columns;
    for (const QString &column : kSummaryColumns)
        columns.append(column.endsWith(u"_at"_s) ? dialect.isoTimestamp(prefix + column) : prefix + column);
    return columns.join(u", "_s);
}

// The request documents as stored exactly (member order, number text), under the
// contract's names whatever column holds them in this engine.
QString documentColumns(const SqlDialect &dialect)
{
    return dialect.exactJsonColumn(u"payload"_s) + u" AS payload, "_s + dialect.exactJsonColumn(u"current_state"_s)
           + u" AS current_state"_s;
}

// A stored document, exactly (the column holds JSON that json_valid accepted).
Result<json::Node> storedDocument(const QVariant &value, const QString &column)
{
    auto parsed = json::parse(value.toString().toUtf8());
    if (!parsed)
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("%1 does not hold valid JSON: %2")
                                                       .arg(column, parsed.error().text()));
    return parsed;
}

// summaryColumns in their order, then the documents: every query here selects them so,
// from `first` on, and readApproval reads them by position (looking a row's columns up by
// name costs more than reading the row).
enum SummaryColumn {
    IdColumn,
    TenantIdColumn,
    EntityTypeColumn,
    EntityIdColumn,
    EntityKeyColumn,
    TierColumn,
    LaneColumn,
    StatusColumn,
    DecisionReasonColumn,
    RequestedByColumn,
    DecidedByColumn,
    RequestedAtColumn,
    DecidedAtColumn,
    RequiredRoleColumn,
    BaseVersionColumn,
    PayloadColumn,
    CurrentStateColumn,
};

Result<Approval> readApproval(const QSqlQuery &query, bool withPayloads, int first = 0)
{
    auto value = [&](SummaryColumn column) { return query.value(first + column); };
    auto text = [&](SummaryColumn column) { return value(column).toString(); };
    auto columnName = [](const char *name) { return u"mdm_approval."_s + QLatin1StringView(name); };

    Approval approval;
    approval.id = QUuid::fromString(text(IdColumn));
    approval.tenantId = QUuid::fromString(text(TenantIdColumn));
    approval.entityId = QUuid::fromString(text(EntityIdColumn));
    approval.entityKey = text(EntityKeyColumn);
    approval.decisionReason = text(DecisionReasonColumn);
    approval.requestedBy = text(RequestedByColumn);
    approval.decidedBy = text(DecidedByColumn);
    approval.requestedAt = fromIsoTimestamp(text(RequestedAtColumn));
    approval.decidedAt = fromIsoTimestamp(text(DecidedAtColumn));
    if (const QVariant baseVersion = value(BaseVersionColumn); !baseVersion.isNull())
        approval.baseVersion = baseVersion.toLongLong();

    Status unknown; // the first column holding a spelling this version does not know
    auto spelled = [&](auto parse, SummaryColumn column, const char *name, auto &target) {
        const auto parsed = storedValue(parse, columnName(name), text(column));
        if (parsed)
            target = parsed.value();
        else if (!unknown)
            unknown = parsed.error();
    };
    spelled(entityTypeFromString, EntityTypeColumn, "entity_type", approval.entityType);
    spelled(tierFromString, TierColumn, "tier", approval.tier);
    spelled(laneFromString, LaneColumn, "lane", approval.lane);
    spelled(approvalStatusFromString, StatusColumn, "status", approval.status);
    spelled(roleFromString, RequiredRoleColumn, "required_role", approval.requiredRole);
    if (unknown)
        return *unknown;

    if (withPayloads) {
        auto payload = storedDocument(value(PayloadColumn), columnName("payload"));
        if (!payload)
            return payload.error();
        approval.payload = std::move(payload.value());
        if (const QVariant currentState = value(CurrentStateColumn); !currentState.isNull()) {
            auto current = storedDocument(currentState, columnName("current_state"));
            if (!current)
                return current.error();
            approval.currentState = std::move(current.value());
        }
    }
    return approval;
}

Result<QList<Approval>> readApprovals(Result<QSqlQuery> query, bool withPayloads)
{
    if (!query)
        return query.error();
    QSqlQuery &rows = query.value();
    QList<Approval> approvals;
    while (rows.next()) {
        auto approval = readApproval(rows, withPayloads);
        if (!approval)
            return approval.error();
        approvals.append(std::move(approval.value()));
    }
    return approvals;
}

QString sortColumn(ApprovalSortKey key)
{
    switch (key) {
    case ApprovalSortKey::EntityType: return u"entity_type"_s;
    case ApprovalSortKey::EntityKey: return u"entity_key"_s;
    case ApprovalSortKey::Tier: return u"tier"_s;
    case ApprovalSortKey::Lane: return u"lane"_s;
    case ApprovalSortKey::RequestedBy: return u"requested_by"_s;
    case ApprovalSortKey::RequestedAt: return u"requested_at"_s;
    case ApprovalSortKey::RequiredRole: return u"required_role"_s;
    case ApprovalSortKey::CurrentStatus: return u"status"_s;
    }
    return u"requested_at"_s;
}

// The queue's order, ties broken down to the id so every request has one place.
QString orderClause(const ApprovalSort &sort)
{
    const QString direction = sort.order == Qt::AscendingOrder ? u" ASC"_s : u" DESC"_s;
    return u" ORDER BY "_s + sortColumn(sort.key) + direction + u", requested_at"_s + direction + u", id"_s
           + direction;
}

// The filter's conditions beyond the tenant, each starting with " AND", and their bound
// values; every value is bound, never spliced.
QString filterConditions(const Database &database, const ApprovalFilter &filter, QVariantList &values)
{
    QString where;
    if (filter.status) {
        where += u" AND status = ?"_s;
        values.append(toString(*filter.status));
    }
    if (filter.entityType) {
        where += u" AND entity_type = ?"_s;
        values.append(toString(*filter.entityType));
    }
    if (filter.tier) {
        where += u" AND tier = ?"_s;
        values.append(toString(*filter.tier));
    }
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        const auto &dialect = database.dialect();
        where += u" AND ("_s + dialect.containsIgnoringCase(u"entity_key"_s) + u" OR "_s
                 + dialect.containsIgnoringCase(u"requested_by"_s) + u" OR "_s
                 + dialect.containsIgnoringCase(u"entity_type"_s) + u')';
        const QString pattern = likePattern(text);
        values << pattern << pattern << pattern;
    }
    return where;
}

QString whereClause(const Database &database, const QUuid &tenantId, const ApprovalFilter &filter,
                    QVariantList &values)
{
    values.append(uuidText(tenantId));
    return u" WHERE tenant_id = ?"_s + filterConditions(database, filter, values);
}

} // namespace

ApprovalRepository::ApprovalRepository(Database &database) : m_database(database) {}

Status ApprovalRepository::insert(const Approval &approval)
{
    auto result = m_database.run(
        u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_id, entity_key, tier, lane, "_s
            + m_database.dialect().exactJsonColumn(u"payload"_s) + u", "_s
            + m_database.dialect().exactJsonColumn(u"current_state"_s)
            + u", status, decision_reason, requested_by, decided_by, requested_at, decided_at, "
              u"required_role, base_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {uuidText(approval.id), uuidText(approval.tenantId), toString(approval.entityType),
         approval.entityId.isNull() ? QVariant() : QVariant(uuidText(approval.entityId)), approval.entityKey,
         toString(approval.tier), toString(approval.lane),
         QString::fromUtf8(json::serialize(approval.payload)),
         approval.currentState ? QVariant(QString::fromUtf8(json::serialize(*approval.currentState))) : QVariant(),
         toString(approval.status), approval.decisionReason.isEmpty() ? QVariant() : QVariant(approval.decisionReason),
         approval.requestedBy, approval.decidedBy.isEmpty() ? QVariant() : QVariant(approval.decidedBy),
         toIsoTimestamp(approval.requestedAt),
         approval.decidedAt.isValid() ? QVariant(toIsoTimestamp(approval.decidedAt)) : QVariant(),
         toString(approval.requiredRole), approval.baseVersion ? QVariant(*approval.baseVersion) : QVariant()});
    if (!result)
        return result.error();
    return std::nullopt;
}

Result<std::optional<Approval>> ApprovalRepository::find(const QUuid &tenantId, const QUuid &id) const
{
    auto query = m_database.runCached(u"SELECT "_s + summaryColumns(m_database.dialect()) + u", "_s + documentColumns(m_database.dialect())
                                          + u" FROM mdm_approval WHERE tenant_id = ? AND id = ?"_s,
                                      {uuidText(tenantId), uuidText(id)});
    if (!query)
        return query.error();
    QSqlQuery &row = *query.value();
    if (!row.next())
        return std::optional<Approval>();
    auto approval = readApproval(row, true);
    if (!approval)
        return approval.error();
    return std::optional<Approval>(std::move(approval.value()));
}

Result<RequestForDecision> ApprovalRepository::findForDecision(const QUuid &tenantId, const QUuid &id,
                                                               const QString &userId) const
{
    // One row per role of the user (none: not a user there), the request beside each.
    const SqlDialect &dialect = m_database.dialect();
    QStringList columns{u"r.role AS decider_role"_s, u"r.display_name AS decider_name"_s,
                        summaryColumns(dialect, u"a."_s)};
    columns.append(u"a."_s + dialect.exactJsonColumn(u"payload"_s) + u" AS payload"_s);
    columns.append(u"a."_s + dialect.exactJsonColumn(u"current_state"_s) + u" AS current_state"_s);
    auto query = m_database.runCached(u"SELECT "_s + columns.join(u", "_s)
                                          + u" FROM mdm_user_role r LEFT JOIN mdm_approval a "
                                            u"ON a.tenant_id = r.tenant_id AND a.id = ? "
                                            u"WHERE r.tenant_id = ? AND r.user_id = ? ORDER BY r.role"_s,
                                      {uuidText(id), uuidText(tenantId), userId});
    if (!query)
        return query.error();
    QSqlQuery &rows = *query.value();
    RequestForDecision found;
    while (rows.next()) {
        auto role = storedValue(roleFromString, u"mdm_user_role.role"_s, rows.value(0).toString());
        if (!role)
            return role.error();
        if (!found.decider) {
            found.decider = User{userId, rows.value(1).toString(), {}};
            if (!rows.value(2 + IdColumn).isNull()) {
                auto approval = readApproval(rows, true, 2);
                if (!approval)
                    return approval.error();
                found.request = std::move(approval.value());
            }
        }
        found.decider->roles.append(role.value());
    }
    return found;
}

Result<QList<Approval>> ApprovalRepository::list(const QUuid &tenantId, const ApprovalFilter &filter,
                                                 const ApprovalSort &sort, int offset, int limit,
                                                 bool withPayloads) const
{
    QVariantList values;
    QString sql = u"SELECT "_s + summaryColumns(m_database.dialect())
                  + (withPayloads ? u", "_s + documentColumns(m_database.dialect()) : QString())
                  + u" FROM mdm_approval"_s + whereClause(m_database, tenantId, filter, values);
    sql += orderClause(sort) + u" LIMIT ? OFFSET ?"_s;
    values << limit << offset;
    return readApprovals(m_database.run(sql, values), withPayloads);
}

Result<QList<Approval>> ApprovalRepository::listAfter(const QUuid &tenantId, const ApprovalFilter &filter,
                                                      const std::optional<ApprovalCursor> &after, int limit) const
{
    QVariantList values;
    QString sql = u"SELECT "_s + summaryColumns(m_database.dialect()) + u" FROM mdm_approval"_s
                  + whereClause(m_database, tenantId, filter, values);
    if (after) {
        sql += u" AND (requested_at, id) > (?, ?)"_s;
        values << toIsoTimestamp(after->requestedAt) << uuidText(after->id);
    }
    sql += u" ORDER BY requested_at, id LIMIT ?"_s;
    values << limit;
    return readApprovals(m_database.run(sql, values), false);
}

Result<int> ApprovalRepository::count(const QUuid &tenantId, const ApprovalFilter &filter) const
{
    QVariantList values;
    const QString sql = u"SELECT COUNT(*) FROM mdm_approval"_s + whereClause(m_database, tenantId, filter, values);
    auto query = m_database.run(sql, values);
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toInt() : 0;
}

// Numbers the queue and the one request together in the queue's order: its number is
// its place whether or not it belongs to the queue.
Result<std::optional<QueuePlace>> ApprovalRepository::place(const QUuid &tenantId, const ApprovalFilter &filter,
                                                            const ApprovalSort &sort, const QUuid &id) const
{
    QVariantList matchValues;
    const QString matches = u"(1 = 1"_s + filterConditions(m_database, filter, matchValues) + u')';
    QVariantList values = matchValues;
    values << uuidText(tenantId);
    values << matchValues;
    values << uuidText(id) << uuidText(id);
    const QString sql = u"SELECT position, matches FROM (SELECT id, ROW_NUMBER() OVER ("_s + orderClause(sort).mid(1)
                        + u") - 1 AS position, CASE WHEN "_s + matches
                        + u" THEN 1 ELSE 0 END AS matches FROM mdm_approval WHERE tenant_id = ? AND ("_s + matches
                        + u" OR id = ?)) numbered WHERE id = ?"_s;
    auto query = m_database.run(sql, values);
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<QueuePlace>();
    return std::optional<QueuePlace>(QueuePlace{query.value().value(0).toInt(), query.value().value(1).toInt() == 1});
}

Result<DatabaseDecision> ApprovalRepository::decideInDatabase(const QUuid &id, ApprovalStatus status,
                                                           const QString &reason)
{
    // The function returns (decided mdm_approval, events json): the row's summary columns
    // as readApproval reads them, then the events where the documents would be.
    const SqlDialect &dialect = m_database.dialect();
    QStringList columns{summaryColumns(dialect, u"(d.decided)."_s)};
    auto query = m_database.runCached(u"SELECT "_s + columns.join(u", "_s) + u", d.events FROM "_s
                                          + dialect.decisionFunction() + u"(?, ?, ?, ?) d"_s,
                                      {uuidText(id), toString(status), reason.isEmpty() ? QVariant() : QVariant(reason),
                                       QVariant()});
    if (!query)
        return query.error();
    QSqlQuery &row = *query.value();
    if (!row.next())
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the database returned no decision"));
    auto approval = readApproval(row, false);
    if (!approval)
        return approval.error();
    DatabaseDecision decision{std::move(approval.value()), {}};
    const QJsonDocument events = QJsonDocument::fromJson(row.value(PayloadColumn).toString().toUtf8());
    for (const QJsonValue &value : events.array()) {
        auto event = Event::fromJson(value.toObject());
        if (!event)
            return Error::make(ErrorCode::Unavailable, CoreTr::tr("the database returned an event that cannot be read"));
        decision.events.append(std::move(*event));
    }
    if (decision.events.isEmpty())
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the database returned a decision without its events"));
    return decision;
}

Result<bool> ApprovalRepository::decide(const QUuid &tenantId, const QUuid &id, ApprovalStatus status,
                                        const QString &decidedBy, const QString &reason,
                                        const QDateTime &decidedAt)
{
    auto query = m_database.run(u"UPDATE mdm_approval SET status = ?, decided_by = ?, decision_reason = ?, "
                                u"decided_at = ? WHERE tenant_id = ? AND id = ? AND status = 'pending'"_s,
                                {toString(status), decidedBy, reason.isEmpty() ? QVariant() : QVariant(reason),
                                 toIsoTimestamp(decidedAt), uuidText(tenantId), uuidText(id)});
    if (!query)
        return query.error();
    return query.value().numRowsAffected() == 1;
}

} // namespace steward
