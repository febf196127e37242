#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace steward::json {

class Node;

// RFC 6901 JSON Pointers.
QString escapeToken(const QString &token);
QString unescapeToken(const QString &token);
QString appendToken(const QString &pointer, const QString &token);
QString appendIndex(const QString &pointer, qsizetype index);
// A pointer short enough for one line: "/a/b/c/…/x/y/z (200 levels)" past 8 tokens.
QString abbreviatePointer(const QString &pointer);
// Tokens of a pointer; nullopt when it is not a valid pointer ("" is the root).
std::optional<QStringList> splitPointer(const QString &pointer);
// The node a pointer names, or nullptr.
const Node *resolve(const Node &root, const QString &pointer);

} // namespace steward::json
