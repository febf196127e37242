#include "report/ChangeSummary.h"

#include "Tr.h"
#include "diff/ReviewDocuments.h"
#include "diff/StructuralDiff.h"

#include "json/Decimal.h"
#include "json/JsonParser.h"
#include "json/JsonPointer.h"
#include <QHash>
#include <QSet>
#include <algorithm>
#include <optional>
#include <simdjson.h>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

QString valueText(const json::Node *node, int maxChars)
{
    if (!node)
        return {};
    // A long string is cut before it is serialised, so a huge value costs no more than
    // a short one; containers are rare and small in practice.
    if (node->isString() && node->text().size() > maxChars)
        return truncatedText(QString::fromUtf8(json::serialize(json::Node::string(node->text().left(maxChars)))),
                             maxChars);
    return truncatedText(QString::fromUtf8(json::serialize(*node)), maxChars);
}

class Collector
{
public:
    Collector(ChangeSummary &summary, const ChangeSummaryLimits &limits) : m_summary(summary), m_limits(limits) {}

    // Added and removed containers are one change each (their members are not listed
    // again); a moved item is one change plus the edits inside it. Paths are prefixed
    // with `prefix`, the place of the compared part in the whole document.
    void visit(const diff::DiffNode &node, const QString &prefix, bool isRoot)
    {
        using Kind = diff::DiffNode::Kind;
        if (isRoot && (node.kind == Kind::Added || node.kind == Kind::Removed || node.kind == Kind::Unchanged)) {
            // A create lists its members one by one, like a reviewer reads them.
            for (const diff::DiffNode &child : node.children)
                visit(child, prefix, false);
            return;
        }
        switch (node.kind) {
        case Kind::Unchanged:
            if (node.containsChanges) {
                for (const diff::DiffNode &child : node.children)
                    visit(child, prefix, false);
            }
            return;
        case Kind::Added:
            add(u"added"_s, prefix + node.path, {}, nullptr, node.after);
            return;
        case Kind::Removed:
            add(u"removed"_s, prefix + node.path, {}, node.before, nullptr);
            return;
        case Kind::Changed:
        case Kind::TypeChanged:
            add(u"changed"_s, prefix + node.path, {}, node.before, node.after);
            return;
        case Kind::Moved:
            add(u"moved"_s, prefix + node.path, prefix + node.fromPath, nullptr, nullptr);
            for (const diff::DiffNode &child : node.children)
                visit(child, prefix, false);
            return;
        }
    }

    void add(const QString &op, const QString &path, const QString &from, const json::Node *before,
             const json::Node *after)
    {
        ++m_summary.count;
        if (m_summary.changes.size() >= m_limits.maxChanges)
            return;
        ChangeEntry entry;
        entry.op = op;
        entry.path = path.isEmpty() ? u"/"_s : path;
        entry.from = from;
        entry.before = valueText(before, m_limits.maxValueChars);
        entry.after = valueText(after, m_limits.maxValueChars);
        m_summary.changes.append(entry);
    }

private:
    ChangeSummary &m_summary;
    const ChangeSummaryLimits &m_limits;
};

// Two scalars differ in value (numbers as decimals: 100.0 is 100, a formatting change only).
bool scalarsDiffer(const json::Node &before, const json::Node &after)
{
    if (before.kind() != after.kind())
        return true;
    switch (before.kind()) {
    case json::Node::Kind::Null:
        return false;
    case json::Node::Kind::Bool:
        return before.toBool() != after.toBool();
    case json::Node::Kind::Number:
        return before.text() != after.text() && !json::decimalEqual(before.text(), after.text());
    default:
        return before.text() != after.text();
    }
}

// The current state's members that the payload names, parsed exactly, in the order
// written: the members a request does not touch are skipped unparsed (most of a state,
// and most of the time a report spends on diffs). Empty when the text is not a
// well-formed object; the caller then parses it whole, which reports what is wrong.
std::optional<QList<json::Node::Member>> touchedMembers(const QByteArray &text, const json::Node &payload)
{
    QList<QByteArray> wanted;
    wanted.reserve(payload.members().size());
    for (const auto &member : payload.members())
        wanted.append(member.first.toUtf8());

    thread_local simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(text.constData(), std::size_t(text.size()));
    simdjson::ondemand::document document;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(document) || document.get_object().get(object))
        return std::nullopt;
    QList<json::Node::Member> members;
    for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key))
            return std::nullopt;
        const auto name = std::find_if(wanted.cbegin(), wanted.cend(), [&](const QByteArray &candidate) {
            return std::string_view(candidate.constData(), std::size_t(candidate.size())) == key;
        });
        if (name == wanted.cend())
            continue; // skipped by the iterator without being parsed
        simdjson::ondemand::value value = field.value();
        simdjson::ondemand::json_type type;
        if (value.type().get(type))
            return std::nullopt;
        std::string_view raw;
        if (type == simdjson::ondemand::json_type::object) {
            simdjson::ondemand::object nested;
            if (value.get_object().get(nested) || nested.raw_json().get(raw))
                return std::nullopt;
        } else if (type == simdjson::ondemand::json_type::array) {
            simdjson::ondemand::array nested;
            if (value.get_array().get(nested) || nested.raw_json().get(raw))
                return std::nullopt;
        } else {
            raw = value.raw_json_token();
        }
        auto parsed = json::parse(QByteArrayView(raw.data(), qsizetype(raw.size())));
        if (!parsed)
            return std::nullopt;
        members.append({QString::fromUtf8(*name), std::move(parsed.value())});
    }
    return members; // (the database keeps only valid JSON: json_valid() checks every state)
}

} // namespace

QString truncatedText(const QString &text, int maxChars)
{
    if (text.size() <= maxChars)
        return text;
    qsizetype cut = std::max(0, maxChars - 1);
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut; // never split a character
    return text.left(cut) + u'…';
}

QString describe(const ChangeEntry &change)
{
    if (change.op == u"added"_s)
        return u"+ "_s + change.path + u": "_s + change.after;
    if (change.op == u"removed"_s)
        return u"- "_s + change.path + u": "_s + change.before;
    if (change.op == u"moved"_s)
        return u"> "_s + change.path + u' ' + CoreTr::tr("(moved from %1)").arg(change.from);
    return u"~ "_s + change.path + u": "_s + change.before + u" -> "_s + change.after;
}

QString moreChangesText(int more)
{
    return CoreTr::tr("… and %n more change(s)", nullptr, more);
}

QString describeAll(const ChangeSummary &summary)
{
    QStringList lines;
    lines.reserve(summary.changes.size() + 1);
    for (const ChangeEntry &change : summary.changes)
        lines.append(describe(change));
    if (summary.truncated())
        lines.append(moreChangesText(summary.count - int(summary.changes.size())));
    if (!summary.error.isEmpty())
        lines.append(CoreTr::tr("(diff unavailable: %1)").arg(summary.error));
    return lines.join(u'\n');
}

ChangeSummary summarizeChanges(EntityType type, const QByteArray &currentStateText, const QByteArray &payloadText,
                               const ChangeSummaryLimits &limits)
{
    ChangeSummary summary;
    auto payload = json::parse(payloadText);
    if (!payload) {
        summary.error = payload.error().text();
        return summary;
    }
    Collector collector(summary, limits);
    const json::Node &after = payload.value();
    diff::DiffOptions options = diff::diffOptionsFor(type);
    options.timeBudgetMs = limits.timeBudgetMs;

    const bool isCreate = QByteArrayView(currentStateText).trimmed().isEmpty();
    if (isCreate && after.isObject()) {
        // A create: every proposed member is an addition.
        for (const auto &[key, value] : after.members())
            collector.add(u"added"_s, json::appendToken({}, key), {}, nullptr, &value);
        return summary;
    }
    const auto touched = after.isObject() ? touchedMembers(currentStateText, after) : std::nullopt;
    if (!touched) {
        // Not an object and a payload laid over it, or not well-formed: the whole diff,
        // or the parser's account of what is wrong.
        auto documents = diff::reviewDocuments(currentStateText, payloadText);
        if (!documents) {
            summary.error = documents.error().text();
            return summary;
        }
        const diff::DiffResult result = diff::diff(documents.value().before, documents.value().after, options);
        summary.approximate = result.approximate;
        collector.visit(result.root, {}, true);
        return summary;
    }

    // What the reviewer compares is the current state with the payload laid over it
    // (layPayloadOver, model/Approval.h): members the payload leaves out cannot differ, so only the
    // payload's members are compared, in the order the reviewer sees them (the current
    // state's order, then members it did not have). Nested structures go through the
    // structural diff (identity matching, moves).
    QHash<QString, const json::Node *> requested;
    requested.reserve(after.members().size());
    for (const auto &[key, value] : after.members())
        requested.insert(key, &value);
    QSet<QString> present;
    for (const auto &[key, value] : *touched) {
        present.insert(key);
        const json::Node *next = requested.value(key);
        const QString path = json::appendToken({}, key);
        if (value.isContainer() && next->isContainer() && value.kind() == next->kind()) {
            if (value.sameValue(*next))
                continue;
            const diff::DiffResult result = diff::diff(std::make_shared<const json::Node>(value),
                                                       std::make_shared<const json::Node>(*next), options);
            summary.approximate = summary.approximate || result.approximate;
            collector.visit(result.root, path, false);
        } else if (scalarsDiffer(value, *next)) {
            collector.add(u"changed"_s, path, {}, &value, next);
        }
    }
    for (const auto &[key, value] : after.members()) {
        if (!present.contains(key))
            collector.add(u"added"_s, json::appendToken({}, key), {}, nullptr, &value);
    }
    return summary;
}

} // namespace steward::report
