#pragma once

#include "model/Error.h"
#include "model/Types.h"

#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace steward {

// Checks a requested payload against its entity type's rules, naming the field and
// the reason on the first failure. Cross-field rules run on the state the entity
// would have after the change (live state with the payload laid over it).
class PayloadValidator
{
public:
    struct Context
    {
        EntityType type = EntityType::GlobalMetadata;
        QUuid tenantId;
        QString entityKey;
        Tier tier = Tier::Tier3;
        std::optional<QJsonObject> currentState; // absent for a create
    };

    static Status validate(const Context &context, const QJsonObject &payload);
};

} // namespace steward
