#pragma once

#include "json/JsonNode.h"
#include "model/Error.h"
#include "model/Types.h"

#include <QDateTime>
#include <QUuid>

#include <optional>

namespace steward {

class Database;

// The live state of a governed entity as a payload-shaped JSON object.
struct EntitySnapshot
{
    QUuid id;
    QString canonicalKey;
    qint64 version = 0;
    json::Node document; // camelCase keys in column order, including tenantId; JSON columns exact
};

// Reads and writes the four entity tables through the column map of EntitySchema.
class EntityRepository
{
public:
    explicit EntityRepository(Database &database);

    Result<std::optional<EntitySnapshot>> findById(const QUuid &tenantId, EntityType type, const QUuid &id) const;
    Result<std::optional<EntitySnapshot>> findByKey(const QUuid &tenantId, EntityType type,
                                                    const QString &canonicalKey) const;
    // Every canonical key of that type in the tenant, sorted.
    Result<QStringList> keys(const QUuid &tenantId, EntityType type) const;
    // Creates the entity (no `existing`) or updates it. An update only succeeds while the
    // row still has `existing->version`: the stale check is also in the SQL.
    // Keys absent from `payload` keep their current value.
    Result<EntitySnapshot> apply(const QUuid &tenantId, EntityType type, const std::optional<EntitySnapshot> &existing,
                                 const json::Node &payload, const QDateTime &now);

private:
    Result<std::optional<EntitySnapshot>> findWhere(const QUuid &tenantId, EntityType type, const QString &column,
                                                    const QString &value) const;

    Database &m_database;
};

} // namespace steward
