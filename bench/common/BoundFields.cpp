#include "BoundFields.h"

#include "store/DataSourceRepository.h"
#include "store/EntityRepository.h"

using namespace Qt::StringLiterals;

namespace steward::bench {

Result<BoundFields> boundFields(Database &database, const QUuid &tenantId, const QString &table)
{
    const EntityRepository entities(database);
    const DataSourceRepository sources(database);
    auto keys = entities.keys(tenantId, EntityType::GlobalMetadata);
    if (!keys)
        return keys.error();
    BoundFields fields;
    for (const QString &key : keys.value()) {
        auto entity = entities.findByKey(tenantId, EntityType::GlobalMetadata, key);
        if (!entity)
            return entity.error();
        if (!entity.value())
            continue;
        const QJsonObject binding = entity.value()->state.value(u"binding"_s).toObject();
        if (binding.value(u"table"_s).toString() != table)
            continue;
        auto source = sources.find(tenantId, binding.value(u"source"_s).toString());
        if (!source)
            return source.error();
        const QString schema = binding.value(u"schema"_s).toString();
        const bool resolves = source.value() && (schema.isEmpty() || schema.compare(source.value()->schemaName,
                                                                                    Qt::CaseInsensitive) == 0);
        if (!resolves) {
            fields.leftOut.append(u"%1: binding to %2.%3"_s.arg(key, schema, table));
            continue;
        }
        fields.keys.append(key);
        fields.columns.append(binding.value(u"column"_s).toString());
    }
    return fields;
}

} // namespace steward::bench
