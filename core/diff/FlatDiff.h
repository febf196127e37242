#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace steward {

// A first, field-level comparison of two JSON objects: nested objects are walked and
// every leaf (scalar or array) is compared by value. Paths are RFC 6901 JSON Pointers.
struct FlatDiffEntry
{
    enum class Kind { Unchanged, Added, Removed, Changed };
    QString path;
    Kind kind = Kind::Unchanged;
    QJsonValue before;
    QJsonValue after;
};

struct FlatDiffCounts
{
    int added = 0;
    int removed = 0;
    int changed = 0;
    int unchanged = 0;
};

// Rows in the order keys appear in `after`, then keys only in `before`.
QList<FlatDiffEntry> flatDiff(const std::optional<QJsonObject> &before, const QJsonObject &after);
FlatDiffCounts countChanges(const QList<FlatDiffEntry> &entries);
// Compact one-line JSON for display; strings without quotes.
QString displayValue(const QJsonValue &value);
QString escapePointerToken(const QString &token);

} // namespace steward
