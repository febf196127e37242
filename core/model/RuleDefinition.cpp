#include "model/RuleDefinition.h"

#include "Tr.h"
#include "json/Decimal.h"
#include "model/EnumSpelling.h"

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr SpellingTable<RuleType, 5> kRuleTypes{{
    {RuleType::NotNull, u"not_null"},
    {RuleType::Unique, u"unique"},
    {RuleType::Regex, u"regex"},
    {RuleType::Range, u"range"},
    {RuleType::Enum, u"enum"},
}};

const QString kDefinition = u"definition"_s;

// A bound of a range: absent and null are no bound.
Result<std::optional<json::Node>> rangeBound(const json::Node &definition, const QString &name)
{
    const json::Node *bound = definition.member(name);
    if (!bound || bound->isNull())
        return std::optional<json::Node>();
    if (!bound->isNumber())
        return Error::invalid(kDefinition, CoreTr::tr("min and max must be numbers"));
    return std::optional<json::Node>(*bound);
}

} // namespace

QString toString(RuleType type) { return spell(kRuleTypes, type); }
std::optional<RuleType> ruleTypeFromString(QStringView text) { return parseSpelling(kRuleTypes, text); }

Result<RuleDefinition> RuleDefinition::parse(const json::Node &ruleType, const json::Node &definition)
{
    if (ruleType.isNull())
        return Error::invalid(u"ruleType"_s, CoreTr::tr("is required"));
    const auto type = ruleType.isString() ? ruleTypeFromString(ruleType.text()) : std::nullopt;
    if (!type)
        return Error::invalid(u"ruleType"_s,
                              CoreTr::tr("must be one of %1").arg(u"not_null, unique, regex, range, enum"_s));
    if (!definition.isNull() && !definition.isObject())
        return Error::invalid(kDefinition, CoreTr::tr("must be a JSON object"));

    RuleDefinition rule;
    rule.type = *type;
    switch (rule.type) {
    case RuleType::NotNull:
    case RuleType::Unique:
        break;
    case RuleType::Regex: {
        const json::Node *pattern = definition.member(u"pattern"_s);
        if (!pattern || !pattern->isString() || pattern->text().isEmpty())
            return Error::invalid(kDefinition + u"/pattern"_s, CoreTr::tr("a regex rule needs a pattern"));
        // A rule checks one value's shape; a longer pattern is a mistake or an attack on
        // the engine that every profile run would pay for.
        constexpr qsizetype kLongestPattern = 1000;
        if (pattern->text().size() > kLongestPattern)
            return Error::invalid(kDefinition + u"/pattern"_s,
                                  CoreTr::tr("the pattern is %1 characters long, more than the limit of %2")
                                      .arg(pattern->text().size())
                                      .arg(kLongestPattern));
        if (const QString error = RulePattern(pattern->text()).error(); !error.isEmpty())
            return Error::invalid(kDefinition + u"/pattern"_s,
                                  CoreTr::tr("\"%1\" is not a valid regular expression: %2")
                                      .arg(quotedInput(pattern->text()), error));
        rule.pattern = pattern->text();
        break;
    }
    case RuleType::Range: {
        auto min = rangeBound(definition, u"min"_s);
        if (!min)
            return min.error();
        auto max = rangeBound(definition, u"max"_s);
        if (!max)
            return max.error();
        if (!min.value() && !max.value())
            return Error::invalid(kDefinition, CoreTr::tr("a range rule needs a numeric min, max or both"));
        if (min.value() && max.value() && json::compareDecimal(min.value()->text(), max.value()->text()) > 0)
            return Error::invalid(kDefinition, CoreTr::tr("min must not exceed max"));
        rule.min = min.value();
        rule.max = max.value();
        break;
    }
    case RuleType::Enum: {
        const json::Node *values = definition.member(u"values"_s);
        if (!values || !values->isArray() || values->items().isEmpty())
            return Error::invalid(kDefinition + u"/values"_s,
                                  CoreTr::tr("an enum rule needs a non-empty list of values"));
        for (qsizetype i = 0; i < values->items().size(); ++i) {
            const json::Node &value = values->items().at(i);
            if (!value.isString() && !value.isNumber() && !value.isBool())
                return Error::invalid(kDefinition + u"/values/"_s + QString::number(i),
                                      CoreTr::tr("must be a string, a number or a boolean"));
        }
        rule.values = values->items();
        break;
    }
    }
    return rule;
}

json::Node RuleDefinition::toJson() const
{
    json::Node json = json::Node::object();
    switch (type) {
    case RuleType::NotNull:
    case RuleType::Unique:
        break;
    case RuleType::Regex:
        json.setMember(u"pattern"_s, json::Node::string(pattern));
        break;
    case RuleType::Range:
        if (min)
            json.setMember(u"min"_s, *min);
        if (max)
            json.setMember(u"max"_s, *max);
        break;
    case RuleType::Enum:
        json.setMember(u"values"_s, json::Node::array(values));
        break;
    }
    return json;
}

RulePattern::RulePattern(const QString &pattern) : m_expression(QRegularExpression::anchoredPattern(pattern))
{
    if (m_expression.isValid()) {
        m_expression.optimize();
        return;
    }
    // Report the pattern as written: its own error and offset, if it has one; else the
    // anchored form's (e.g. an unterminated \Q swallowing the closing anchor).
    const QRegularExpression written(pattern);
    const QRegularExpression &failing = written.isValid() ? m_expression : written;
    const qsizetype anchorLength = written.isValid() ? 5 : 0; // "\A(?:"
    m_error = CoreTr::tr("%1 at offset %2")
                  .arg(failing.errorString())
                  .arg(std::max<qsizetype>(0, failing.patternErrorOffset() - anchorLength));
}

QString RulePattern::error() const
{
    return m_error;
}

RulePattern::Verdict RulePattern::match(QStringView value) const
{
    const QRegularExpressionMatch match = m_expression.match(value);
    if (!match.isValid())
        return Verdict::GaveUp;
    return match.hasMatch() ? Verdict::Match : Verdict::NoMatch;
}

} // namespace steward
