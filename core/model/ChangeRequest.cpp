#include "model/ChangeRequest.h"

#include "Tr.h"
#include "model/Approval.h"

#include "json/JsonParser.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

bool isAbsent(const json::Node *value)
{
    return !value || value->isNull();
}

} // namespace

Result<ChangeRequest> ChangeRequest::fromJson(const json::Node &json)
{
    if (!json.isObject())
        return Error::make(ErrorCode::Invalid, CoreTr::tr("a change request must be a JSON object"));
    static const QSet<QString> known{u"entityType"_s, u"entityId"_s, u"entityKey"_s, u"tier"_s,
                                     u"lane"_s,       u"payload"_s,  u"requiredRole"_s,
                                     u"requestedBy"_s};
    for (const auto &[key, value] : json.members()) {
        if (!known.contains(key))
            return Error::invalid(quotedInput(key), CoreTr::tr("unknown field in a change request"));
    }

    ChangeRequest request;
    const auto entityType = entityTypeFromString(json.stringMember(u"entityType"_s));
    if (!entityType)
        return Error::invalid(u"entityType"_s,
                              CoreTr::tr("must be one of GLOBAL_METADATA, KPI, BUSINESS_RULE, GLOSSARY"));
    request.entityType = *entityType;

    const json::Node *entityId = json.member(u"entityId"_s);
    if (!isAbsent(entityId)) {
        request.entityId = QUuid::fromString(json.stringMember(u"entityId"_s));
        if (!entityId->isString() || request.entityId.isNull())
            return Error::invalid(u"entityId"_s, CoreTr::tr("must be a UUID, or null for a create"));
    }

    const json::Node *key = json.member(u"entityKey"_s);
    if (!key || !key->isString() || key->text().trimmed().isEmpty())
        return Error::invalid(u"entityKey"_s, CoreTr::tr("is required"));
    request.entityKey = key->text();

    const auto tier = tierFromString(json.stringMember(u"tier"_s));
    if (!tier)
        return Error::invalid(u"tier"_s, CoreTr::tr("must be one of tier1 .. tier5"));
    request.tier = *tier;

    const auto lane = laneFromString(json.stringMember(u"lane"_s));
    if (!lane)
        return Error::invalid(u"lane"_s, CoreTr::tr("must be kernel, governed or draft"));
    request.lane = *lane;

    const json::Node *payload = json.member(u"payload"_s);
    if (!payload || !payload->isObject())
        return Error::invalid(u"payload"_s, CoreTr::tr("must be a JSON object"));
    request.payload = *payload;

    const json::Node *role = json.member(u"requiredRole"_s);
    if (isAbsent(role)) {
        request.requiredRole = request.lane == Lane::Kernel ? Role::KernelArchitect : Role::MetadataSteward;
    } else {
        const auto parsed = roleFromString(json.stringMember(u"requiredRole"_s));
        if (!parsed)
            return Error::invalid(u"requiredRole"_s,
                                  CoreTr::tr("must be kernel_architect, metadata_steward, data_owner or viewer"));
        request.requiredRole = *parsed;
    }

    const json::Node *requestedBy = json.member(u"requestedBy"_s);
    if (!isAbsent(requestedBy)) {
        if (!requestedBy->isString())
            return Error::invalid(u"requestedBy"_s, CoreTr::tr("must be a user id"));
        request.requestedBy = requestedBy->text();
    }
    return request;
}

Result<ChangeRequest> ChangeRequest::fromJsonText(const QByteArray &text)
{
    auto document = json::parse(text);
    if (!document)
        return document.error();
    return fromJson(document.value());
}

json::Node ChangeRequest::toJson() const
{
    json::Node json = json::Node::object({
        {u"entityType"_s, json::Node::string(toString(entityType))},
        {u"entityId"_s, entityId.isNull() ? json::Node::null() : json::Node::string(uuidText(entityId))},
        {u"entityKey"_s, json::Node::string(entityKey)},
        {u"tier"_s, json::Node::string(toString(tier))},
        {u"lane"_s, json::Node::string(toString(lane))},
        {u"payload"_s, payload},
        {u"requiredRole"_s, json::Node::string(toString(requiredRole))},
    });
    if (!requestedBy.isEmpty())
        json.setMember(u"requestedBy"_s, json::Node::string(requestedBy));
    return json;
}

} // namespace steward
