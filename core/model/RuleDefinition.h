#pragma once

#include "json/JsonNode.h"
#include "model/Error.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringView>

#include <optional>

namespace steward {

// SPEC section 3: what a BUSINESS_RULE checks.
enum class RuleType { NotNull, Unique, Regex, Range, Enum };
QString toString(RuleType type); // not_null | unique | regex | range | enum
std::optional<RuleType> ruleTypeFromString(QStringView text);

// A business rule's rule_type and definition, parsed once for every reader: the payload
// validator refuses what does not parse, the profiler checks values against what does.
//   regex  {pattern}     the WHOLE value matches the pattern (see RulePattern)
//   range  {min, max}    numbers, at least one; a null bound is no bound
//   enum   {values}      a non-empty list of strings, numbers or booleans
//   not_null, unique     no definition needed; any object is ignored
struct RuleDefinition
{
    RuleType type = RuleType::NotNull;
    QString pattern;
    std::optional<json::Node> min; // number nodes: their exact text
    std::optional<json::Node> max;
    QList<json::Node> values;

    // Null stands for absent; `definition` may be absent for the types that need none.
    // Errors name the payload field: ruleType, definition, definition/pattern,
    // definition/values/2 ...
    static Result<RuleDefinition> parse(const json::Node &ruleType, const json::Node &definition);
    // The definition as a JSON object, for a profile run's details.
    json::Node toJson() const;
};

// How a regex rule judges one value. The whole value must match: `^[A-Z]{3}$` accepts
// "EUR" and refuses "EUR\n" and "x EUR" (the pattern is anchored at both ends, \A and
// \z, whatever it says itself). Safe to share between threads once made.
class RulePattern
{
public:
    explicit RulePattern(const QString &pattern);

    // Empty when the pattern compiles, else why not (naming the pattern and the offset).
    QString error() const;

    enum class Verdict { Match, NoMatch, GaveUp };
    // GaveUp: the engine stopped before deciding (its backtracking or stack limit); the
    // value is neither valid nor invalid, and the rule failed to evaluate.
    Verdict match(QStringView value) const;

private:
    QRegularExpression m_expression;
    QString m_error;
};

} // namespace steward
