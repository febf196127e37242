#include "model/ChangeRequest.h"

#include "Tr.h"
#include "model/Approval.h"

#include "json/JsonParser.h"

#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace steward {

Result<ChangeRequest> ChangeRequest::fromJson(const QJsonObject &json)
{
    static const QSet<QString> known{u"entityType"_s, u"entityId"_s, u"entityKey"_s, u"tier"_s,
                                     u"lane"_s,       u"payload"_s,  u"requiredRole"_s,
                                     u"requestedBy"_s};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return Error::invalid(it.key(), CoreTr::tr("unknown field in a change request"));
    }

    ChangeRequest request;
    const QJsonValue type = json.value(u"entityType"_s);
    const auto entityType = entityTypeFromString(type.toString());
    if (!entityType)
        return Error::invalid(u"entityType"_s,
                              CoreTr::tr("must be one of GLOBAL_METADATA, KPI, BUSINESS_RULE, GLOSSARY"));
    request.entityType = *entityType;

    const QJsonValue entityId = json.value(u"entityId"_s);
    if (!entityId.isNull() && !entityId.isUndefined()) {
        request.entityId = QUuid::fromString(entityId.toString());
        if (!entityId.isString() || request.entityId.isNull())
            return Error::invalid(u"entityId"_s, CoreTr::tr("must be a UUID, or null for a create"));
    }

    const QJsonValue key = json.value(u"entityKey"_s);
    if (!key.isString() || key.toString().trimmed().isEmpty())
        return Error::invalid(u"entityKey"_s, CoreTr::tr("is required"));
    request.entityKey = key.toString();

    const auto tier = tierFromString(json.value(u"tier"_s).toString());
    if (!tier)
        return Error::invalid(u"tier"_s, CoreTr::tr("must be one of tier1 .. tier5"));
    request.tier = *tier;

    const auto lane = laneFromString(json.value(u"lane"_s).toString());
    if (!lane)
        return Error::invalid(u"lane"_s, CoreTr::tr("must be kernel, governed or draft"));
    request.lane = *lane;

    const QJsonValue payload = json.value(u"payload"_s);
    if (!payload.isObject())
        return Error::invalid(u"payload"_s, CoreTr::tr("must be a JSON object"));
    request.payload = payload.toObject();

    const QJsonValue role = json.value(u"requiredRole"_s);
    if (role.isUndefined() || role.isNull()) {
        request.requiredRole = request.lane == Lane::Kernel ? Role::KernelArchitect : Role::MetadataSteward;
    } else {
        const auto parsed = roleFromString(role.toString());
        if (!parsed)
            return Error::invalid(u"requiredRole"_s,
                                  CoreTr::tr("must be kernel_architect, metadata_steward, data_owner or viewer"));
        request.requiredRole = *parsed;
    }

    const QJsonValue requestedBy = json.value(u"requestedBy"_s);
    if (!requestedBy.isUndefined() && !requestedBy.isNull()) {
        if (!requestedBy.isString())
            return Error::invalid(u"requestedBy"_s, CoreTr::tr("must be a user id"));
        request.requestedBy = requestedBy.toString();
    }
    return request;
}

Result<ChangeRequest> ChangeRequest::fromJsonText(const QByteArray &text)
{
    auto document = json::parse(text);
    if (!document)
        return document.error();
    if (!document.value().isObject())
        return Error::make(ErrorCode::Invalid, CoreTr::tr("a change request must be a JSON object"));
    auto request = fromJson(json::toQJsonValue(document.value()).toObject());
    if (!request)
        return request;
    if (const json::Node *payload = document.value().member(u"payload"_s))
        request.value().payloadText = json::serialize(*payload);
    return request;
}

QJsonObject ChangeRequest::toJson() const
{
    QJsonObject json{
        {u"entityType"_s, toString(entityType)},
        {u"entityId"_s, entityId.isNull() ? QJsonValue() : QJsonValue(uuidText(entityId))},
        {u"entityKey"_s, entityKey},
        {u"tier"_s, toString(tier)},
        {u"lane"_s, toString(lane)},
        {u"payload"_s, payload},
        {u"requiredRole"_s, toString(requiredRole)},
    };
    if (!requestedBy.isEmpty())
        json.insert(u"requestedBy"_s, requestedBy);
    return json;
}

} // namespace steward
