#include "diff/ReviewDocuments.h"

#include "json/JsonParser.h"

using namespace Qt::StringLiterals;

namespace steward::diff {

json::Node layPayloadOver(const json::Node &current, const json::Node &payload)
{
    if (!current.isObject() || !payload.isObject())
        return payload;
    json::Node state = current;
    for (const auto &[key, value] : payload.members())
        state.setMember(key, value);
    return state;
}

Result<ReviewDocuments> reviewDocuments(const QByteArray &currentStateText, const QByteArray &payloadText)
{
    auto payload = json::parse(payloadText);
    if (!payload)
        return payload.error();
    auto current = json::parse(currentStateText);
    if (!current)
        return current.error();
    ReviewDocuments documents;
    documents.before = std::make_shared<const json::Node>(current.value());
    documents.after = std::make_shared<const json::Node>(layPayloadOver(current.value(), payload.value()));
    return documents;
}

DiffOptions diffOptionsFor(EntityType type)
{
    DiffOptions options;
    // KPIs list the fields they depend on by canonical key; the other types' arrays are
    // scalars or carry their own ids, which the automatic choice finds.
    if (type == EntityType::Kpi)
        options.identityKey = u"canonicalKey"_s;
    return options;
}

} // namespace steward::diff
