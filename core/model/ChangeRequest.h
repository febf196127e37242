#pragma once

#include "json/JsonNode.h"
#include "model/Error.h"
#include "model/Types.h"

#include <QUuid>

namespace steward {

// A change request as `submit` reads it and `POST /approvals` takes it (SPEC section 7).
// current_state is never part of it: the service takes that from the live entity.
struct ChangeRequest
{
    EntityType entityType = EntityType::GlobalMetadata;
    QUuid entityId; // null for a create
    QString entityKey;
    Tier tier = Tier::Tier3;
    Lane lane = Lane::Governed;
    json::Node payload; // an object, exactly as submitted (member order, number text)
    Role requiredRole = Role::MetadataSteward;
    QString requestedBy; // optional; must equal the caller when present

    // Checks the shape; names the field and the reason on failure.
    static Result<ChangeRequest> fromJson(const json::Node &json);
    // Parses exactly: duplicate keys are refused, number text and member order kept.
    static Result<ChangeRequest> fromJsonText(const QByteArray &text);
    json::Node toJson() const;
};

} // namespace steward
