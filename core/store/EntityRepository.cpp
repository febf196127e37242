#include "store/EntityRepository.h"

#include "Tr.h"
#include "model/Approval.h"
#include "model/EntitySchema.h"
#include "store/Database.h"

#include "json/JsonParser.h"

#include <QSqlRecord>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Text columns hold a string as is and any other scalar as its JSON text; JSON columns
// hold the exact serialised value, so decimals in rule definitions stay exact.
QVariant toColumnValue(const FieldSpec &spec, const json::Node &value)
{
    if (value.isNull())
        return {};
    if (spec.kind == FieldSpec::Kind::Json || value.isContainer())
        return QString::fromUtf8(json::serialize(value));
    if (value.isString() || value.isNumber())
        return value.text();
    return QString::fromUtf8(json::serialize(value));
}

json::Node fromColumnValue(const FieldSpec &spec, const QVariant &value)
{
    if (value.isNull())
        return json::Node::null();
    if (spec.kind == FieldSpec::Kind::Json) {
        auto parsed = json::parse(value.toString().toUtf8());
        return parsed ? parsed.value() : json::Node::string(value.toString());
    }
    return json::Node::string(value.toString());
}

} // namespace

EntityRepository::EntityRepository(Database &database) : m_database(database) {}

Result<std::optional<EntitySnapshot>> EntityRepository::findById(const QUuid &tenantId, EntityType type,
                                                                  const QUuid &id) const
{
    return findWhere(tenantId, type, u"id"_s, uuidText(id));
}

Result<std::optional<EntitySnapshot>> EntityRepository::findByKey(const QUuid &tenantId, EntityType type,
                                                                   const QString &canonicalKey) const
{
    return findWhere(tenantId, type, u"canonical_key"_s, canonicalKey);
}

Result<QStringList> EntityRepository::keys(const QUuid &tenantId, EntityType type) const
{
    return m_database.texts(u"SELECT canonical_key FROM "_s + EntitySchema::of(type).table
                                + u" WHERE tenant_id = ? ORDER BY canonical_key"_s,
                            {uuidText(tenantId)});
}

Result<std::optional<EntitySnapshot>> EntityRepository::findWhere(const QUuid &tenantId, EntityType type,
                                                                   const QString &column,
                                                                   const QString &value) const
{
    const EntitySchema &schema = EntitySchema::of(type);
    QStringList columns{u"id"_s, u"version"_s};
    for (const FieldSpec &spec : schema.fields)
        columns.append(spec.column);
    // `column` is one of two constants chosen above, never input.
    auto query = m_database.run(u"SELECT "_s + columns.join(u", "_s) + u" FROM "_s + schema.table
                                    + u" WHERE tenant_id = ? AND "_s + column + u" = ?"_s,
                                {uuidText(tenantId), value});
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    if (!row.next())
        return std::optional<EntitySnapshot>();

    EntitySnapshot snapshot;
    snapshot.id = QUuid::fromString(row.value(0).toString());
    snapshot.version = row.value(1).toLongLong();
    snapshot.document = json::Node::object();
    snapshot.document.setMember(u"tenantId"_s, json::Node::string(uuidText(tenantId)));
    for (int i = 0; i < schema.fields.size(); ++i) {
        const FieldSpec &spec = schema.fields.at(i);
        json::Node fieldValue = fromColumnValue(spec, row.value(i + 2));
        if (!fieldValue.isNull())
            snapshot.document.setMember(spec.jsonName, std::move(fieldValue));
    }
    snapshot.canonicalKey = snapshot.document.stringMember(u"canonicalKey"_s);
    return std::optional<EntitySnapshot>(snapshot);
}

Result<EntitySnapshot> EntityRepository::apply(const QUuid &tenantId, EntityType type,
                                               const std::optional<EntitySnapshot> &existing,
                                               const json::Node &payload, const QDateTime &now)
{
    const EntitySchema &schema = EntitySchema::of(type);
    QStringList columns;
    QVariantList values;
    for (const FieldSpec &spec : schema.fields) {
        const json::Node *value = payload.member(spec.jsonName);
        if (!value)
            continue;
        columns.append(spec.column);
        values.append(toColumnValue(spec, *value));
    }

    if (!existing) {
        const QUuid id = QUuid::createUuid();
        QStringList placeholders(columns.size() + 5, u"?"_s);
        const QString sql = u"INSERT INTO "_s + schema.table + u" (id, tenant_id, version, created_at, updated_at, "_s
                            + columns.join(u", "_s) + u") VALUES ("_s + placeholders.join(u", "_s) + u')';
        QVariantList bound{uuidText(id), uuidText(tenantId), 1, toIsoTimestamp(now), toIsoTimestamp(now)};
        bound.append(values);
        if (auto result = m_database.run(sql, bound); !result)
            return result.error();
        auto created = findById(tenantId, type, id);
        if (!created)
            return created.error();
        return *created.value();
    }

    QStringList assignments;
    for (const QString &column : columns)
        assignments.append(column + u" = ?"_s);
    assignments.append(u"version = version + 1"_s);
    assignments.append(u"updated_at = ?"_s);
    values.append(toIsoTimestamp(now));
    values << uuidText(tenantId) << uuidText(existing->id) << existing->version;
    auto result = m_database.run(u"UPDATE "_s + schema.table + u" SET "_s + assignments.join(u", "_s)
                                     + u" WHERE tenant_id = ? AND id = ? AND version = ?"_s,
                                 values);
    if (!result)
        return result.error();
    if (result.value().numRowsAffected() != 1)
        return Error::make(ErrorCode::Stale, CoreTr::tr("%1 changed since the request was made")
                                                 .arg(existing->canonicalKey));
    auto updated = findById(tenantId, type, existing->id);
    if (!updated)
        return updated.error();
    if (!updated.value())
        return Error::make(ErrorCode::NotFound, CoreTr::tr("%1 no longer exists").arg(existing->canonicalKey));
    return *updated.value();
}

} // namespace steward
