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
        const json::Node *binding = entity.value()->document.member(u"binding"_s);
        if (!binding || binding->stringMember(u"table"_s) != table)
            continue;
        auto source = sources.find(tenantId, binding->stringMember(u"source"_s));
        if (!source)
            return source.error();
        const QString schema = binding->stringMember(u"schema"_s);
        const bool resolves = source.value() && (schema.isEmpty() || schema.compare(source.value()->schemaName,
                                                                                    Qt::CaseInsensitive) == 0);
        if (!resolves) {
            fields.leftOut.append(u"%1: binding to %2.%3"_s.arg(key, schema, table));
            continue;
        }
        fields.keys.append(key);
        fields.columns.append(binding->stringMember(u"column"_s));
    }
    return fields;
}

} // namespace steward::bench
