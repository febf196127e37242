#include "diff/FlatDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

void walk(const QString &prefix, const QJsonValue &before, const QJsonValue &after, QList<FlatDiffEntry> &out)
{
    const bool hasBefore = !before.isUndefined();
    const bool hasAfter = !after.isUndefined();
    // Walk into objects, also when one side is missing, so a create lists every leaf.
    const bool walkable = (before.isObject() || !hasBefore) && (after.isObject() || !hasAfter)
                          && !(before.toObject().isEmpty() && after.toObject().isEmpty());
    if (walkable) {
        const QJsonObject left = before.toObject();
        const QJsonObject right = after.toObject();
        for (auto it = right.begin(); it != right.end(); ++it)
            walk(prefix + u'/' + escapePointerToken(it.key()), left.value(it.key()), it.value(), out);
        for (auto it = left.begin(); it != left.end(); ++it) {
            if (!right.contains(it.key()))
                walk(prefix + u'/' + escapePointerToken(it.key()), it.value(), QJsonValue::Undefined, out);
        }
        return;
    }
    FlatDiffEntry entry{prefix, FlatDiffEntry::Kind::Unchanged, before, after};
    if (!hasBefore)
        entry.kind = FlatDiffEntry::Kind::Added;
    else if (!hasAfter)
        entry.kind = FlatDiffEntry::Kind::Removed;
    else if (before != after)
        entry.kind = FlatDiffEntry::Kind::Changed;
    out.append(entry);
}

} // namespace

QString escapePointerToken(const QString &token)
{
    QString escaped = token;
    escaped.replace(u'~', u"~0"_s);
    escaped.replace(u'/', u"~1"_s);
    return escaped;
}

QList<FlatDiffEntry> flatDiff(const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    QList<FlatDiffEntry> entries;
    const QJsonObject left = before.value_or(QJsonObject());
    for (auto it = after.begin(); it != after.end(); ++it)
        walk(u'/' + escapePointerToken(it.key()), left.value(it.key()), it.value(), entries);
    for (auto it = left.begin(); it != left.end(); ++it) {
        if (!after.contains(it.key()))
            walk(u'/' + escapePointerToken(it.key()), it.value(), QJsonValue::Undefined, entries);
    }
    return entries;
}

FlatDiffCounts countChanges(const QList<FlatDiffEntry> &entries)
{
    FlatDiffCounts counts;
    for (const FlatDiffEntry &entry : entries) {
        switch (entry.kind) {
        case FlatDiffEntry::Kind::Added: ++counts.added; break;
        case FlatDiffEntry::Kind::Removed: ++counts.removed; break;
        case FlatDiffEntry::Kind::Changed: ++counts.changed; break;
        case FlatDiffEntry::Kind::Unchanged: ++counts.unchanged; break;
        }
    }
    return counts;
}

QString displayValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined: return {};
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace steward
