#pragma once

#include "model/Types.h"

#include <QList>
#include <QString>

namespace steward {

// How a payload key maps onto a column of an entity table. The table and column
// names here are constants of the contract (SPEC section 3), never taken from input.
struct FieldSpec
{
    enum class Kind { Text, Json };
    QString jsonName;
    QString column;
    Kind kind = Kind::Text;
};

struct EntitySchema
{
    EntityType type;
    QString table;
    QList<FieldSpec> fields; // besides id, tenant_id, version and timestamps

    const FieldSpec *field(const QString &jsonName) const;
    static const EntitySchema &of(EntityType type);
};

} // namespace steward
