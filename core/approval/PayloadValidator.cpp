#include "approval/PayloadValidator.h"

#include "Tr.h"
#include "model/Approval.h"
#include "model/EntitySchema.h"
#include "model/FieldFormat.h"
#include "model/RuleDefinition.h"
#include "json/JsonPointer.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Absent and null are the same: no value.
const json::Node *valueOf(const json::Node &state, const QString &field)
{
    const json::Node *value = state.member(field);
    return value && !value->isNull() ? value : nullptr;
}

Status requireText(const json::Node &state, const QString &field)
{
    const json::Node *value = valueOf(state, field);
    if (!value || !value->isString() || value->text().trimmed().isEmpty())
        return Error::invalid(field, CoreTr::tr("is required"));
    return std::nullopt;
}

Status requireOneOf(const json::Node &state, const QString &field, const QStringList &allowed, bool required)
{
    const json::Node *value = valueOf(state, field);
    if (!value)
        return required ? Status(Error::invalid(field, CoreTr::tr("is required"))) : std::nullopt;
    if (!value->isString() || !allowed.contains(value->text()))
        return Error::invalid(field, CoreTr::tr("must be one of %1").arg(allowed.join(u", "_s)));
    return std::nullopt;
}

Status requireStringArray(const json::Node &state, const QString &field)
{
    const json::Node *value = valueOf(state, field);
    if (!value)
        return std::nullopt;
    if (!value->isArray())
        return Error::invalid(field, CoreTr::tr("must be an array of strings"));
    const QList<json::Node> &items = value->items();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString() || items.at(i).text().isEmpty())
            return Error::invalid(u"%1/%2"_s.arg(field).arg(i), CoreTr::tr("must be a non-empty string"));
    }
    return std::nullopt;
}

// Where the payload holds a NUL character (written \u0000) in a string or a member name,
// as a JSON Pointer: SQL tools, C libraries and reports cut text off there.
std::optional<QString> nulCharacterAt(const json::Node &node, const QString &pointer)
{
    if (node.isString())
        return node.utf8().contains('\0') ? std::optional<QString>(pointer) : std::nullopt;
    if (node.isArray()) {
        const QList<json::Node> &items = node.items();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (auto found = nulCharacterAt(items.at(i), json::appendIndex(pointer, i)))
                return found;
        }
    } else if (node.isObject()) {
        for (const auto &[key, value] : node.members()) {
            const QString below = json::appendToken(pointer, key);
            if (key.contains(QChar(u'\0')))
                return below;
            if (auto found = nulCharacterAt(value, below))
                return found;
        }
    }
    return std::nullopt;
}

Status checkShape(const PayloadValidator::Context &context, const json::Node &payload)
{
    if (!payload.isObject())
        return Error::invalid(u"payload"_s, CoreTr::tr("must be a JSON object"));
    if (const auto at = nulCharacterAt(payload, QString()))
        return Error::invalid(json::abbreviatePointer(*at).mid(1),
                              CoreTr::tr("contains a NUL character (\\u0000), which databases and reports cut off"));
    const EntitySchema &schema = EntitySchema::of(context.type);
    for (const auto &[key, value] : payload.members()) {
        if (key == u"tenantId"_s) {
            if (!value.isString() || QUuid::fromString(value.text()) != context.tenantId)
                return Error::invalid(key, CoreTr::tr("does not match the tenant of the request"));
            continue;
        }
        const FieldSpec *spec = schema.field(key);
        if (!spec)
            return Error::invalid(quotedInput(key), CoreTr::tr("is not a field of %1").arg(toString(context.type)));
        if (spec->kind == FieldSpec::Kind::Text && !value.isString() && !value.isNull())
            return Error::invalid(key, CoreTr::tr("must be a string"));
        if (spec->kind == FieldSpec::Kind::Json && !value.isContainer() && !value.isNull())
            return Error::invalid(key, CoreTr::tr("must be a JSON object or array"));
    }
    if (payload.member(u"canonicalKey"_s) && payload.stringMember(u"canonicalKey"_s) != context.entityKey)
        return Error::invalid(u"canonicalKey"_s, CoreTr::tr("must equal the request's entityKey \"%1\"")
                                                     .arg(quotedInput(context.entityKey)));
    if (payload.member(u"tier"_s)) {
        const auto tier = tierFromString(payload.stringMember(u"tier"_s));
        if (!tier)
            return Error::invalid(u"tier"_s, CoreTr::tr("must be one of tier1 .. tier5"));
        if (*tier != context.tier)
            return Error::invalid(u"tier"_s, CoreTr::tr("must equal the request's tier %1").arg(toString(context.tier)));
    }
    static const QRegularExpression keyPattern(u"^[A-Za-z][A-Za-z0-9_.\\-]{0,199}$"_s);
    if (!keyPattern.match(context.entityKey).hasMatch())
        return Error::invalid(u"entityKey"_s,
                              CoreTr::tr("must start with a letter and use only letters, digits, '.', '_' or '-'"));
    return std::nullopt;
}

// The dataType and its format, as the profiler will read them (FieldFormat).
Status checkFieldFormat(const json::Node &state)
{
    const json::Node *dataType = valueOf(state, u"dataType"_s);
    if (!dataType)
        return std::nullopt;
    const auto parsed =
        FieldFormat::parse(dataType->isString() ? dataType->text() : QString(), state.stringMember(u"format"_s));
    if (!parsed)
        return parsed.error();
    return std::nullopt;
}

Status checkBinding(const json::Node &state)
{
    const json::Node *binding = valueOf(state, u"binding"_s);
    if (!binding)
        return std::nullopt;
    if (!binding->isObject())
        return Error::invalid(u"binding"_s, CoreTr::tr("must be an object {source, schema, table, column}"));
    static const QStringList parts{u"source"_s, u"schema"_s, u"table"_s, u"column"_s};
    for (const auto &[key, value] : binding->members()) {
        if (!parts.contains(key))
            return Error::invalid(u"binding/"_s + key, CoreTr::tr("is not part of a binding"));
    }
    for (const QString &part : parts) {
        if (part == u"schema"_s && !binding->member(part))
            continue; // SQLite sources have no schema
        if (binding->stringMember(part).isEmpty())
            return Error::invalid(u"binding/"_s + part, CoreTr::tr("is required"));
    }
    return std::nullopt;
}

Status checkGlobalMetadata(const json::Node &state)
{
    if (auto failed = requireText(state, u"label"_s))
        return failed;
    if (auto failed = checkFieldFormat(state))
        return failed;
    if (auto failed = requireOneOf(state, u"status"_s, {u"draft"_s, u"active"_s, u"deprecated"_s}, false))
        return failed;
    return checkBinding(state);
}

Status checkKpi(const json::Node &state)
{
    if (auto failed = requireText(state, u"label"_s))
        return failed;
    if (auto failed = requireText(state, u"formula"_s))
        return failed;
    if (auto failed = requireOneOf(state, u"status"_s, {u"draft"_s, u"active"_s, u"deprecated"_s}, false))
        return failed;
    return requireStringArray(state, u"dependsOn"_s);
}

Status checkBusinessRule(const json::Node &state)
{
    if (auto failed = requireText(state, u"label"_s))
        return failed;
    if (auto failed = requireText(state, u"appliesTo"_s))
        return failed;
    // The rule as the profiler will read it (RuleDefinition).
    const json::Node *ruleType = valueOf(state, u"ruleType"_s);
    const json::Node *definition = valueOf(state, u"definition"_s);
    if (auto rule = RuleDefinition::parse(ruleType ? *ruleType : json::Node::null(),
                                          definition ? *definition : json::Node::null());
        !rule)
        return rule.error();
    if (auto failed =
            requireOneOf(state, u"severity"_s, {u"info"_s, u"warning"_s, u"error"_s, u"critical"_s}, false))
        return failed;
    return requireOneOf(state, u"status"_s, {u"draft"_s, u"active"_s, u"retired"_s}, false);
}

Status checkGlossary(const json::Node &state)
{
    if (auto failed = requireText(state, u"term"_s))
        return failed;
    if (auto failed = requireText(state, u"definition"_s))
        return failed;
    if (auto failed = requireOneOf(state, u"status"_s, {u"draft"_s, u"active"_s, u"deprecated"_s}, false))
        return failed;
    if (auto failed = requireStringArray(state, u"synonyms"_s))
        return failed;
    return requireStringArray(state, u"relatedKeys"_s);
}

} // namespace

Status PayloadValidator::validate(const Context &context, const json::Node &payload)
{
    if (auto failed = checkShape(context, payload))
        return failed;

    const std::optional<json::Node> current =
        context.currentState && context.currentState->isObject() ? context.currentState : json::Node::object();
    json::Node state = layPayloadOver(current, payload);
    state.setMember(u"canonicalKey"_s, json::Node::string(context.entityKey));

    switch (context.type) {
    case EntityType::GlobalMetadata: return checkGlobalMetadata(state);
    case EntityType::Kpi: return checkKpi(state);
    case EntityType::BusinessRule: return checkBusinessRule(state);
    case EntityType::Glossary: return checkGlossary(state);
    }
    return std::nullopt;
}

} // namespace steward
