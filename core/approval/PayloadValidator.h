#pragma once

#include "json/JsonNode.h"
#include "model/Error.h"
#include "model/Types.h"

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
        std::optional<json::Node> currentState; // absent for a create
    };

    // The payload must be an object. Business rules and a field's dataType/format are
    // judged by the parsers the profiler uses (RuleDefinition, FieldFormat).
    static Status validate(const Context &context, const json::Node &payload);
};

} // namespace steward
