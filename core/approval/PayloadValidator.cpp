#include "approval/PayloadValidator.h"

#include "Tr.h"
#include "model/Approval.h"
#include "model/EntitySchema.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

Status requireText(const QJsonObject &state, const QString &field)
{
    const QJsonValue value = state.value(field);
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return Error::invalid(field, CoreTr::tr("is required"));
    return std::nullopt;
}

Status requireOneOf(const QJsonObject &state, const QString &field, const QStringList &allowed, bool required)
{
    const QJsonValue value = state.value(field);
    if (value.isUndefined() || value.isNull())
        return required ? Status(Error::invalid(field, CoreTr::tr("is required"))) : std::nullopt;
    if (!allowed.contains(value.toString()))
        return Error::invalid(field, CoreTr::tr("must be one of %1").arg(allowed.join(u", "_s)));
    return std::nullopt;
}

Status requireStringArray(const QJsonObject &state, const QString &field)
{
    const QJsonValue value = state.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isArray())
        return Error::invalid(field, CoreTr::tr("must be an array of strings"));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString() || array.at(i).toString().isEmpty())
            return Error::invalid(u"%1/%2"_s.arg(field).arg(i), CoreTr::tr("must be a non-empty string"));
    }
    return std::nullopt;
}

Status checkShape(const PayloadValidator::Context &context, const QJsonObject &payload)
{
    const EntitySchema &schema = EntitySchema::of(context.type);
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        const QString &key = it.key();
        if (key == u"tenantId"_s) {
            if (QUuid::fromString(it.value().toString()) != context.tenantId)
                return Error::invalid(key, CoreTr::tr("does not match the tenant of the request"));
            continue;
        }
        const FieldSpec *spec = schema.field(key);
        if (!spec)
            return Error::invalid(key, CoreTr::tr("is not a field of %1").arg(toString(context.type)));
        const QJsonValue value = it.value();
        if (spec->kind == FieldSpec::Kind::Text && !value.isString() && !value.isNull())
            return Error::invalid(key, CoreTr::tr("must be a string"));
        if (spec->kind == FieldSpec::Kind::Json && !value.isObject() && !value.isArray() && !value.isNull())
            return Error::invalid(key, CoreTr::tr("must be a JSON object or array"));
    }
    if (payload.contains(u"canonicalKey"_s) && payload.value(u"canonicalKey"_s).toString() != context.entityKey)
        return Error::invalid(u"canonicalKey"_s, CoreTr::tr("must equal the request's entityKey \"%1\"")
                                                     .arg(context.entityKey));
    if (payload.contains(u"tier"_s)) {
        const auto tier = tierFromString(payload.value(u"tier"_s).toString());
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

Status checkFormat(const QJsonObject &state)
{
    const QString dataType = state.value(u"dataType"_s).toString();
    const QJsonValue format = state.value(u"format"_s);
    if (dataType != u"DECIMAL"_s || format.isUndefined() || format.isNull())
        return std::nullopt;
    static const QRegularExpression decimal(u"^(\\d{1,2}),(\\d{1,2})$"_s);
    const auto match = decimal.match(format.toString());
    const int precision = match.hasMatch() ? match.captured(1).toInt() : 0;
    const int scale = match.hasMatch() ? match.captured(2).toInt() : 0;
    if (!match.hasMatch() || precision < 1 || precision > 38 || scale > precision)
        return Error::invalid(u"format"_s,
                              CoreTr::tr("a DECIMAL format is \"precision,scale\" with 1 <= precision <= 38 and "
                                         "scale <= precision, e.g. 18,2"));
    return std::nullopt;
}

Status checkBinding(const QJsonObject &state)
{
    const QJsonValue binding = state.value(u"binding"_s);
    if (binding.isUndefined() || binding.isNull())
        return std::nullopt;
    if (!binding.isObject())
        return Error::invalid(u"binding"_s, CoreTr::tr("must be an object {source, schema, table, column}"));
    const QJsonObject object = binding.toObject();
    static const QStringList parts{u"source"_s, u"schema"_s, u"table"_s, u"column"_s};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!parts.contains(it.key()))
            return Error::invalid(u"binding/"_s + it.key(), CoreTr::tr("is not part of a binding"));
    }
    for (const QString &part : parts) {
        if (part == u"schema"_s && !object.contains(part))
            continue; // SQLite sources have no schema
        if (!object.value(part).isString() || object.value(part).toString().isEmpty())
            return Error::invalid(u"binding/"_s + part, CoreTr::tr("is required"));
    }
    return std::nullopt;
}

Status checkGlobalMetadata(const QJsonObject &state)
{
    if (auto failed = requireText(state, u"label"_s))
        return failed;
    if (auto failed = requireOneOf(state, u"dataType"_s,
                                   {u"DECIMAL"_s, u"INTEGER"_s, u"TEXT"_s, u"DATE"_s, u"TIMESTAMP"_s, u"BOOLEAN"_s},
                                   false))
        return failed;
    if (auto failed = requireOneOf(state, u"status"_s, {u"draft"_s, u"active"_s, u"deprecated"_s}, false))
        return failed;
    if (auto failed = checkFormat(state))
        return failed;
    return checkBinding(state);
}

Status checkKpi(const QJsonObject &state)
{
    if (auto failed = requireText(state, u"label"_s))
        return failed;
    if (auto failed = requireText(state, u"formula"_s))
        return failed;
    if (auto failed = requireOneOf(state, u"status"_s, {u"draft"_s, u"active"_s, u"deprecated"_s}, false))
        return failed;
    return requireStringArray(state, u"dependsOn"_s);
}

Status checkRuleDefinition(const QString &ruleType, const QJsonObject &definition)
{
    const QString field = u"definition"_s;
    if (ruleType == u"regex"_s) {
        const QJsonValue pattern = definition.value(u"pattern"_s);
        if (!pattern.isString() || pattern.toString().isEmpty())
            return Error::invalid(field + u"/pattern"_s, CoreTr::tr("a regex rule needs a pattern"));
        const QRegularExpression expression(pattern.toString());
        if (!expression.isValid())
            return Error::invalid(field + u"/pattern"_s,
                                  CoreTr::tr("is not a valid regular expression: %1").arg(expression.errorString()));
    } else if (ruleType == u"range"_s) {
        const QJsonValue min = definition.value(u"min"_s);
        const QJsonValue max = definition.value(u"max"_s);
        if (!min.isDouble() && !max.isDouble())
            return Error::invalid(field, CoreTr::tr("a range rule needs a numeric min, max or both"));
        if ((!min.isUndefined() && !min.isDouble()) || (!max.isUndefined() && !max.isDouble()))
            return Error::invalid(field, CoreTr::tr("min and max must be numbers"));
        if (min.isDouble() && max.isDouble() && min.toDouble() > max.toDouble())
            return Error::invalid(field, CoreTr::tr("min must not exceed max"));
    } else if (ruleType == u"enum"_s) {
        const QJsonValue values = definition.value(u"values"_s);
        if (!values.isArray() || values.toArray().isEmpty())
            return Error::invalid(field + u"/values"_s, CoreTr::tr("an enum rule needs a non-empty list of values"));
    }
    return std::nullopt;
}

Status checkBusinessRule(const QJsonObject &state)
{
    if (auto failed = requireText(state, u"label"_s))
        return failed;
    if (auto failed = requireText(state, u"appliesTo"_s))
        return failed;
    if (auto failed = requireOneOf(state, u"ruleType"_s,
                                   {u"not_null"_s, u"unique"_s, u"regex"_s, u"range"_s, u"enum"_s}, true))
        return failed;
    if (auto failed =
            requireOneOf(state, u"severity"_s, {u"info"_s, u"warning"_s, u"error"_s, u"critical"_s}, false))
        return failed;
    if (auto failed = requireOneOf(state, u"status"_s, {u"draft"_s, u"active"_s, u"retired"_s}, false))
        return failed;
    const QJsonValue definition = state.value(u"definition"_s);
    if (!definition.isUndefined() && !definition.isNull() && !definition.isObject())
        return Error::invalid(u"definition"_s, CoreTr::tr("must be a JSON object"));
    return checkRuleDefinition(state.value(u"ruleType"_s).toString(), definition.toObject());
}

Status checkGlossary(const QJsonObject &state)
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

Status PayloadValidator::validate(const Context &context, const QJsonObject &payload)
{
    if (auto failed = checkShape(context, payload))
        return failed;

    QJsonObject state = context.currentState.value_or(QJsonObject());
    for (auto it = payload.begin(); it != payload.end(); ++it)
        state.insert(it.key(), it.value());
    state.insert(u"canonicalKey"_s, context.entityKey);

    switch (context.type) {
    case EntityType::GlobalMetadata: return checkGlobalMetadata(state);
    case EntityType::Kpi: return checkKpi(state);
    case EntityType::BusinessRule: return checkBusinessRule(state);
    case EntityType::Glossary: return checkGlossary(state);
    }
    return std::nullopt;
}

} // namespace steward
