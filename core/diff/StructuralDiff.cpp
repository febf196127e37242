#include "diff/StructuralDiff.h"

#include "Tr.h"
#include "diff/WordDiff.h"
#include "json/Decimal.h"
#include "json/JsonParser.h"
#include "json/JsonPointer.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward::diff {

int DiffNode::changeCount() const
{
    int count = kind == Kind::Unchanged ? 0 : 1;
    for (const DiffNode &child : children)
        count += child.changeCount();
    return count;
}

namespace {

void collectChanges(const DiffNode &node, QList<const DiffNode *> &out)
{
    if (node.kind != DiffNode::Kind::Unchanged)
        out.append(&node);
    for (const DiffNode &child : node.children)
        collectChanges(child, out);
}

} // namespace

QList<const DiffNode *> DiffResult::changes() const
{
    QList<const DiffNode *> out;
    collectChanges(root, out);
    return out;
}

namespace {

constexpr qsizetype kLongString = 60;
const QStringList kDefaultIdentityKeys = {u"id"_s, u"canonicalKey"_s, u"key"_s, u"code"_s};

// Text that is equal exactly when two values are equal in the sense of Node::sameValue:
// numbers by decimal value, members in any order. Strings carry their length, so no
// escaping is needed to keep the text unambiguous.
void appendCanonical(const Node &node, QString &out)
{
    switch (node.kind()) {
    case Node::Kind::Null:
        out += u'z';
        return;
    case Node::Kind::Bool:
        out += node.toBool() ? u't' : u'f';
        return;
    case Node::Kind::Number:
        if (const auto decimal = json::canonicalDecimal(node.text())) {
            out += decimal->negative ? u"n-"_s : u"n"_s;
            out += decimal->digits + u'e' + QString::number(decimal->exponent) + u';';
        } else {
            out += u"N"_s + QString::number(node.text().size()) + u':' + node.text();
        }
        return;
    case Node::Kind::String:
        out += u's' + QString::number(node.text().size()) + u':' + node.text();
        return;
    case Node::Kind::Array:
        out += u'[';
        for (const Node &item : node.items())
            appendCanonical(item, out);
        out += u']';
        return;
    case Node::Kind::Object: {
        QList<const Node::Member *> members;
        members.reserve(node.members().size());
        for (const Node::Member &member : node.members())
            members.append(&member);
        std::sort(members.begin(), members.end(),
                  [](const Node::Member *a, const Node::Member *b) { return a->first < b->first; });
        out += u'{';
        for (const Node::Member *member : std::as_const(members)) {
            out += QString::number(member->first.size()) + u':' + member->first;
            appendCanonical(member->second, out);
        }
        out += u'}';
        return;
    }
    }
}

QString canonicalText(const Node &node)
{
    QString out;
    appendCanonical(node, out);
    return out;
}

bool allItemsHave(const Node &array, const QString &key)
{
    return std::all_of(array.items().cbegin(), array.items().cend(),
                       [&](const Node &item) { return item.isObject() && item.member(key) != nullptr; });
}

} // namespace

QString identityKeyFor(const Node &before, const Node &after, const QString &preferred)
{
    if (before.items().isEmpty() && after.items().isEmpty())
        return {};
    QStringList candidates = kDefaultIdentityKeys;
    if (!preferred.isEmpty())
        candidates.prepend(preferred);
    for (const QString &key : std::as_const(candidates)) {
        if (allItemsHave(before, key) && allItemsHave(after, key))
            return key;
    }
    return {};
}

bool sameMemberNames(const Node &before, const Node &after)
{
    const QList<Node::Member> &a = before.members();
    const QList<Node::Member> &b = after.members();
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString &name = a.at(i).first;
        const QString &other = b.at(i).first;
        // Documents read by one json::Parser share each name's QString.
        const bool shared = name.constData() == other.constData() && name.size() == other.size();
        if (!shared && name != other)
            return false;
    }
    return true;
}

ArrayMatch matchArrayItems(const Node &before, const Node &after, const DiffOptions &options,
                           const QDeadlineTimer &deadline)
{
    ArrayMatch match;
    match.identityKey = identityKeyFor(before, after, options.identityKey);
    const QList<Node> &oldItems = before.items();
    const QList<Node> &newItems = after.items();
    const auto named = [&](const Node &item) -> const Node & {
        return match.identityKey.isEmpty() ? item : *item.member(match.identityKey);
    };
    // Unchanged ends are found by comparing in place, which allocates nothing; only the
    // middle gets symbols. Most arrays in an edit are unchanged or changed in one spot.
    const qsizetype shorter = std::min(oldItems.size(), newItems.size());
    qsizetype prefix = 0;
    while (prefix < shorter && named(oldItems[prefix]).sameValue(named(newItems[prefix])))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           named(oldItems[oldItems.size() - 1 - suffix]).sameValue(named(newItems[newItems.size() - 1 - suffix])))
        ++suffix;

    if (prefix + suffix == oldItems.size() && prefix + suffix == newItems.size()) {
        match.items = withCommonEnds(SequenceMatch{}, prefix, suffix); // nothing in between
        return match;
    }

    SymbolTable table;
    table.reserve(oldItems.size() + newItems.size() - 2 * (prefix + suffix));
    const auto symbolsOf = [&](const QList<Node> &items) {
        QList<int> symbols;
        symbols.reserve(items.size() - prefix - suffix);
        for (qsizetype i = prefix; i < items.size() - suffix; ++i)
            symbols.append(table.intern(canonicalText(named(items[i]))));
        return symbols;
    };
    const QList<int> oldSymbols = symbolsOf(oldItems);
    const QList<int> newSymbols = symbolsOf(newItems);
    // Items named by identity are entities: a different name is a different item, never
    // an edit of the one that stood there. Plain values pair up by position in a gap.
    const GapPairing pairing = match.identityKey.isEmpty() ? GapPairing::ByPosition : GapPairing::None;
    const SequenceMatch middle =
        matchSequences(oldSymbols, newSymbols, pairing, AlignmentBudget{options.maxAlignmentCost, deadline});
    match.items = withCommonEnds(middle, prefix, suffix);
    return match;
}

namespace {

QString displayValue(const Node &node)
{
    if (node.isString() || node.isNumber())
        return node.text();
    return QString::fromUtf8(json::serialize(node));
}

// Builds the aligned tree. Budgets are shared by the whole comparison: once the time is
// up every remaining array is aligned coarsely (linear work), so a pathological pair
// degrades to a coarser but still complete diff instead of hanging.
class Differ
{
public:
    explicit Differ(const DiffOptions &options) : m_options(options), m_deadline(options.timeBudgetMs, Qt::PreciseTimer)
    {
    }

    DiffNode compare(const Node &before, const Node &after, const QString &key, const QString &newPath,
                     const QString &oldPath);
    DiffNode added(const Node &after, const QString &key, const QString &path, bool expand) const;
    DiffNode removed(const Node &before, const QString &key, const QString &path, bool expand) const;
    // Only what was actually simplified counts: running out of time after the last exact
    // alignment changes nothing the reviewer sees.
    bool approximate() const { return !m_notes.isEmpty(); }
    QString approximateReason() const;

private:
    void compareScalars(DiffNode &node, const Node &before, const Node &after);
    void compareObjects(DiffNode &node, const Node &before, const Node &after, const QString &oldPath);
    void compareArrays(DiffNode &node, const Node &before, const Node &after, const QString &oldPath);
    DiffNode expanded(DiffNode::Kind kind, const Node &value, const QString &key, const QString &path,
                      bool expand) const;
    QString itemLabel(const Node &item, const QString &identityKey, qsizetype index) const;
    void note(const QString &what) { m_notes.append(what); }

    const DiffOptions &m_options;
    QDeadlineTimer m_deadline;
    QStringList m_notes;
};

QString placeName(const QString &path)
{
    return path.isEmpty() ? CoreTr::tr("the document root") : path;
}

QString Differ::approximateReason() const
{
    if (!approximate())
        return {};
    QStringList notes;
    if (m_deadline.hasExpired())
        notes.append(CoreTr::tr("the time budget of %1 ms ran out").arg(m_options.timeBudgetMs));
    constexpr qsizetype kShown = 3;
    notes += m_notes.mid(0, kShown);
    if (m_notes.size() > kShown)
        notes.append(CoreTr::tr("%n more place(s)", nullptr, int(m_notes.size() - kShown)));
    return notes.join(u"; "_s); // a clause; the view puts its own "Approximate:" before it
}

DiffNode Differ::compare(const Node &before, const Node &after, const QString &key, const QString &newPath,
                         const QString &oldPath)
{
    DiffNode node;
    node.key = key;
    node.path = newPath;
    node.before = &before;
    node.after = &after;
    if (before.kind() != after.kind())
        node.kind = DiffNode::Kind::TypeChanged;
    else if (before.isObject())
        compareObjects(node, before, after, oldPath);
    else if (before.isArray())
        compareArrays(node, before, after, oldPath);
    else
        compareScalars(node, before, after);
    node.containsChanges = node.kind != DiffNode::Kind::Unchanged ||
                           std::any_of(node.children.cbegin(), node.children.cend(),
                                       [](const DiffNode &child) { return child.containsChanges; });
    return node;
}

void Differ::compareScalars(DiffNode &node, const Node &before, const Node &after)
{
    switch (before.kind()) {
    case Node::Kind::Bool:
        if (before.toBool() != after.toBool())
            node.kind = DiffNode::Kind::Changed;
        return;
    case Node::Kind::Number:
        if (before.sameText(after))
            return;
        if (json::decimalEqual(before.text(), after.text()))
            node.formattingOnly = true; // 100.0 vs 100: shown, but not a change of value
        else
            node.kind = DiffNode::Kind::Changed;
        return;
    case Node::Kind::String: {
        if (before.sameText(after))
            return;
        node.kind = DiffNode::Kind::Changed;
        // Up to 60 characters (UTF-16) take at most 180 bytes of UTF-8: count only then.
        const auto isShort = [](const Node &value) {
            return value.utf8().size() <= kLongString ||
                   (value.utf8().size() <= 3 * kLongString && value.text().size() <= kLongString);
        };
        if (isShort(before) && isShort(after))
            return;
        WordDiffResult words =
            wordDiff(before.text(), after.text(), AlignmentBudget{m_options.maxAlignmentCost, m_deadline});
        node.words = std::move(words.edits);
        if (!words.exact)
            note(CoreTr::tr("the words of %1 were compared coarsely").arg(placeName(node.path)));
        return;
    }
    default:
        return;
    }
}

void Differ::compareObjects(DiffNode &node, const Node &before, const Node &after, const QString &oldPath)
{
    if (sameMemberNames(before, after)) {
        node.children.reserve(after.members().size());
        for (qsizetype i = 0; i < after.members().size(); ++i) {
            const QString &key = after.members().at(i).first;
            node.children.append(compare(before.members().at(i).second, after.members().at(i).second, key,
                                         json::appendToken(node.path, key), json::appendToken(oldPath, key)));
        }
        return;
    }
    QHash<QString, const Node *> oldMembers;
    oldMembers.reserve(before.members().size());
    for (const Node::Member &member : before.members())
        oldMembers.insert(member.first, &member.second);
    QSet<QString> newKeys;
    newKeys.reserve(after.members().size());
    for (const Node::Member &member : after.members())
        newKeys.insert(member.first);

    // A removed member is shown after the surviving member that preceded it in the old
    // document, so it appears where the reviewer remembers it.
    QList<DiffNode> removedFirst;
    QHash<QString, QList<DiffNode>> removedAfter;
    const QString *anchor = nullptr;
    qsizetype removedCount = 0;
    for (const Node::Member &member : before.members()) {
        if (newKeys.contains(member.first)) {
            anchor = &member.first;
            continue;
        }
        DiffNode gone = removed(member.second, member.first, json::appendToken(oldPath, member.first), false);
        ++removedCount;
        (anchor ? removedAfter[*anchor] : removedFirst).append(std::move(gone));
    }

    node.children.reserve(after.members().size() + removedCount);
    node.children += std::move(removedFirst);
    for (const Node::Member &member : after.members()) {
        const QString path = json::appendToken(node.path, member.first);
        const Node *old = oldMembers.value(member.first);
        if (!old) {
            node.children.append(added(member.second, member.first, path, false));
            continue;
        }
        node.children.append(
            compare(*old, member.second, member.first, path, json::appendToken(oldPath, member.first)));
        const auto gone = removedAfter.find(member.first);
        if (gone != removedAfter.end())
            node.children += std::move(*gone);
    }
}

void Differ::compareArrays(DiffNode &node, const Node &before, const Node &after, const QString &oldPath)
{
    const ArrayMatch match = matchArrayItems(before, after, m_options, m_deadline);
    const SequenceMatch &items = match.items;
    if (!items.exact)
        note(CoreTr::tr("the items of %1 were aligned coarsely").arg(placeName(node.path)));
    const QList<Node> &oldItems = before.items();
    const QList<Node> &newItems = after.items();
    node.children.reserve(std::max(oldItems.size(), newItems.size()));

    for (const EditRun &run : items.runs) {
        for (qsizetype offset = 0; offset < run.length; ++offset) {
            const qsizetype i = run.oldIndex + offset;
            const qsizetype j = run.newIndex + offset;
            if (run.kind == EditRun::Kind::Delete) {
                // Moved or paired items are shown once, where they are now.
                if (items.newForOld[i] < 0)
                    node.children.append(removed(oldItems[i], itemLabel(oldItems[i], match.identityKey, i),
                                                 json::appendIndex(oldPath, i), false));
                continue;
            }
            const QString path = json::appendIndex(node.path, j);
            const QString label = itemLabel(newItems[j], match.identityKey, j);
            const qsizetype from = items.oldForNew[j];
            if (from < 0) {
                node.children.append(added(newItems[j], label, path, false));
                continue;
            }
            const QString fromPath = json::appendIndex(oldPath, from);
            DiffNode child = compare(oldItems[from], newItems[j], label, path, fromPath);
            if (items.moved[j]) {
                child.kind = DiffNode::Kind::Moved;
                child.fromPath = fromPath;
                child.containsChanges = true;
            }
            node.children.append(std::move(child));
        }
    }
}

QString Differ::itemLabel(const Node &item, const QString &identityKey, qsizetype index) const
{
    if (!identityKey.isEmpty()) {
        if (const Node *name = item.isObject() ? item.member(identityKey) : nullptr)
            return identityKey + u'=' + displayValue(*name);
    }
    return u'[' + QString::number(index) + u']';
}

DiffNode Differ::added(const Node &after, const QString &key, const QString &path, bool expand) const
{
    return expanded(DiffNode::Kind::Added, after, key, path, expand);
}

DiffNode Differ::removed(const Node &before, const QString &key, const QString &path, bool expand) const
{
    return expanded(DiffNode::Kind::Removed, before, key, path, expand);
}

// An added or removed value; expanded (for a create) it lists every field inside as well.
DiffNode Differ::expanded(DiffNode::Kind kind, const Node &value, const QString &key, const QString &path,
                          bool expand) const
{
    DiffNode node;
    node.kind = kind;
    node.key = key;
    node.path = path;
    node.containsChanges = true;
    (kind == DiffNode::Kind::Added ? node.after : node.before) = &value;
    if (!expand)
        return node;
    if (value.isObject()) {
        node.children.reserve(value.members().size());
        for (const Node::Member &member : value.members())
            node.children.append(
                expanded(kind, member.second, member.first, json::appendToken(path, member.first), true));
    } else if (value.isArray()) {
        const QString identityKey = identityKeyFor(value, value, m_options.identityKey);
        node.children.reserve(value.items().size());
        for (qsizetype index = 0; index < value.items().size(); ++index) {
            const Node &item = value.items()[index];
            node.children.append(
                expanded(kind, item, itemLabel(item, identityKey, index), json::appendIndex(path, index), true));
        }
    }
    return node;
}

void countNode(const DiffNode &node, DiffCounts &counts)
{
    switch (node.kind) {
    case DiffNode::Kind::Added:
        ++counts.added;
        break;
    case DiffNode::Kind::Removed:
        ++counts.removed;
        break;
    case DiffNode::Kind::Changed:
    case DiffNode::Kind::TypeChanged:
        ++counts.changed;
        break;
    case DiffNode::Kind::Moved:
        ++counts.moved;
        break;
    case DiffNode::Kind::Unchanged:
        break;
    }
    if (node.formattingOnly)
        ++counts.formattingOnly;
    for (const DiffNode &child : node.children)
        countNode(child, counts);
}

} // namespace

DiffResult diff(std::shared_ptr<const Node> before, std::shared_ptr<const Node> after, const DiffOptions &options)
{
    DiffResult result;
    result.before = before ? std::move(before) : std::make_shared<const Node>();
    result.after = after ? std::move(after) : std::make_shared<const Node>();
    const Node &oldDocument = *result.before;
    const Node &newDocument = *result.after;

    Differ differ(options);
    // A create (no current state) lists every proposed field; a deletion every old one.
    if (oldDocument.isNull() && !newDocument.isNull())
        result.root = differ.added(newDocument, {}, {}, true);
    else if (newDocument.isNull() && !oldDocument.isNull())
        result.root = differ.removed(oldDocument, {}, {}, true);
    else
        result.root = differ.compare(oldDocument, newDocument, {}, {}, {});

    result.approximate = differ.approximate();
    result.approximateReason = differ.approximateReason();
    countNode(result.root, result.counts);
    return result;
}

} // namespace steward::diff
