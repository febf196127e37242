#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace steward::json {

class Node;

// RFC 6901 JSON Pointers.
// RFC 6901 array index: "0" or digits without a leading zero. "-" (past the end) names
// no existing item, so it is no index here.
std::optional<qsizetype> arrayIndex(const QString &token);

QString escapeToken(const QString &token);
QString unescapeToken(const QString &token);
QString appendToken(const QString &pointer, const QString &token);
QString appendIndex(const QString &pointer, qsizetype index);
// A pointer short enough for one line: "/a/b/c/…/x/y/z (200 levels)" past 8 tokens, and
// a member name over 24 characters cut to its start and an ellipsis.
QString abbreviatePointer(const QString &pointer);
// Tokens of a pointer; nullopt when it is not a valid pointer ("" is the root).
std::optional<QStringList> splitPointer(const QString &pointer);
// The node a pointer names, or nullptr.
const Node *resolve(const Node &root, const QString &pointer);

} // namespace steward::json
