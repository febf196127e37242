#pragma once

#include <QString>

#include <optional>
#include <string_view>

namespace steward::json::syntax {

// JSON's lexical rules, and a strict scan that says where a refused text goes wrong.

bool isWhitespace(char c);
// RFC 8259 number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isNumber(std::string_view text);

struct Problem
{
    qsizetype offset = 0;
    QString reason;
};

// The first offending byte of a text that failed to parse, and what is wrong there.
// Non-recursive, so any nesting is safe.
std::optional<Problem> locateError(std::string_view text);

} // namespace steward::json::syntax
