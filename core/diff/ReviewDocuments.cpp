#include "diff/ReviewDocuments.h"

#include "json/JsonParser.h"
#include "model/Approval.h"

using namespace Qt::StringLiterals;

namespace steward::diff {

ReviewDocuments reviewDocuments(const std::optional<json::Node> &currentState, const json::Node &payload)
{
    ReviewDocuments documents;
    documents.before = std::make_shared<const json::Node>(currentState.value_or(json::Node::null()));
    documents.after = std::make_shared<const json::Node>(layPayloadOver(currentState, payload));
    return documents;
}

Result<ReviewDocuments> reviewDocuments(const QByteArray &currentStateText, const QByteArray &payloadText)
{
    auto payload = json::parse(payloadText);
    if (!payload)
        return payload.error();
    auto current = json::parse(currentStateText);
    if (!current)
        return current.error();
    return reviewDocuments(std::optional<json::Node>(current.value()), payload.value());
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
