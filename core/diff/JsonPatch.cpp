#include "diff/JsonPatch.h"

#include "Tr.h"
#include "json/JsonPointer.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace steward::diff {

using json::Node;

namespace {

Node operation(const QString &op, const QString &path)
{
    return Node::object({{u"op"_s, Node::string(op)}, {u"path"_s, Node::string(path)}});
}

Node operation(const QString &op, const QString &path, const Node &value)
{
    Node node = operation(op, path);
    node.members().append({u"value"_s, value});
    return node;
}

Node moveOperation(const QString &from, const QString &path)
{
    return Node::object(
        {{u"op"_s, Node::string(u"move"_s)}, {u"from"_s, Node::string(from)}, {u"path"_s, Node::string(path)}});
}

// Counts live positions below a rank, so an item's index in the array being edited is
// known in O(log n) while items move in and out.
class Fenwick
{
public:
    explicit Fenwick(qsizetype size) : m_tree(size + 1, 0) {}
    void add(qsizetype rank, qsizetype delta)
    {
        for (qsizetype i = rank + 1; i < qsizetype(m_tree.size()); i += i & -i)
            m_tree[i] += delta;
    }
    qsizetype countBelow(qsizetype rank) const
    {
        qsizetype sum = 0;
        for (qsizetype i = rank; i > 0; i -= i & -i)
            sum += m_tree[i];
        return sum;
    }

private:
    std::vector<qsizetype> m_tree;
};

// Where the writer is in the document, kept as a chain on the stack: the JSON Pointer
// text is only built for the few places an operation is written.
struct Location
{
    const Location *parent = nullptr;
    const QString *name = nullptr; // member name, or nullptr for an array index
    qsizetype index = 0;

    Location member(const QString &key) const { return Location{this, &key, 0}; }
    Location item(qsizetype at) const { return Location{this, nullptr, at}; }
    QString pointer() const
    {
        if (!parent)
            return {};
        const QString base = parent->pointer();
        return name ? json::appendToken(base, *name) : json::appendIndex(base, index);
    }
};

// Each add, remove or move shifts the items after it, so applying k of them to an array
// of n items costs about k*n. When items mostly come and go (a reversed or rewritten
// array) one "replace" of the whole array is both the smaller patch and the cheaper one.
bool replacesWholeArray(qsizetype operations, qsizetype oldCount, qsizetype newCount)
{
    constexpr qsizetype kFewOperations = 8;
    constexpr qsizetype kMaxShiftedItems = 10'000'000;
    const qsizetype items = std::max(oldCount, newCount);
    return operations > kFewOperations && (2 * operations > items || operations * items > kMaxShiftedItems);
}

// Writes the operations in an order in which each one's indices are right at the moment
// it applies: removals, then moves and additions left to right, then edits inside items.
class PatchWriter
{
public:
    explicit PatchWriter(const DiffOptions &options)
        : m_options(options), m_deadline(options.timeBudgetMs, Qt::PreciseTimer)
    {
    }

    void compare(const Node &before, const Node &after, const Location &at);
    QList<Node> take() { return std::move(m_operations); }

private:
    void compareObjects(const Node &before, const Node &after, const Location &at);
    void compareArrays(const Node &before, const Node &after, const Location &at);
    void placeItems(const Node &after, const SequenceMatch &match, const QString &path);

    const DiffOptions &m_options;
    QDeadlineTimer m_deadline;
    QList<Node> m_operations;
};

void PatchWriter::compare(const Node &before, const Node &after, const Location &at)
{
    if (before.kind() != after.kind()) {
        m_operations.append(operation(u"replace"_s, at.pointer(), after));
        return;
    }
    switch (before.kind()) {
    case Node::Kind::Null:
        return;
    case Node::Kind::Bool:
        if (before.toBool() != after.toBool())
            m_operations.append(operation(u"replace"_s, at.pointer(), after));
        return;
    case Node::Kind::Number: // exact text: 100 -> 100.0 is replaced too, so the result is identical
    case Node::Kind::String:
        if (!before.sameText(after))
            m_operations.append(operation(u"replace"_s, at.pointer(), after));
        return;
    case Node::Kind::Object:
        compareObjects(before, after, at);
        return;
    case Node::Kind::Array:
        compareArrays(before, after, at);
        return;
    }
}

// Member order is kept exactly. "add" appends a new member, so the longest prefix of the
// new order whose members already stand in that order stays; every member after it is
// appended in turn: new ones with "add", existing ones with a "move" onto their own path
// (RFC 6902 defines move as remove + add, which re-appends the member without repeating
// its value). A patch that adds members only at the end needs no such moves.
void PatchWriter::compareObjects(const Node &before, const Node &after, const Location &at)
{
    if (sameMemberNames(before, after)) { // the common case: nothing but values to compare
        for (qsizetype i = 0; i < after.members().size(); ++i) {
            const QString &key = after.members().at(i).first;
            compare(before.members().at(i).second, after.members().at(i).second, at.member(key));
        }
        return;
    }
    QHash<QString, qsizetype> oldIndex;
    oldIndex.reserve(before.members().size());
    for (qsizetype i = 0; i < before.members().size(); ++i)
        oldIndex.insert(before.members().at(i).first, i);
    QSet<QString> newKeys;
    newKeys.reserve(after.members().size());
    for (const Node::Member &member : after.members())
        newKeys.insert(member.first);

    for (const Node::Member &member : before.members()) {
        if (!newKeys.contains(member.first))
            m_operations.append(operation(u"remove"_s, at.member(member.first).pointer()));
    }
    for (const Node::Member &member : after.members()) {
        const auto old = oldIndex.constFind(member.first);
        if (old != oldIndex.constEnd())
            compare(before.members().at(*old).second, member.second, at.member(member.first));
    }

    const QList<Node::Member> &members = after.members();
    qsizetype kept = 0;
    for (qsizetype previous = -1; kept < members.size(); ++kept) {
        const auto old = oldIndex.constFind(members.at(kept).first);
        if (old == oldIndex.constEnd() || *old < previous)
            break;
        previous = *old;
    }
    for (qsizetype p = kept; p < members.size(); ++p) {
        const QString memberPath = at.member(members.at(p).first).pointer();
        if (oldIndex.contains(members.at(p).first))
            m_operations.append(moveOperation(memberPath, memberPath));
        else
            m_operations.append(operation(u"add"_s, memberPath, members.at(p).second));
    }
}

void PatchWriter::compareArrays(const Node &before, const Node &after, const Location &at)
{
    const SequenceMatch match = matchArrayItems(before, after, m_options, m_deadline).items;
    const qsizetype reshapingOperations = std::count(match.newForOld.cbegin(), match.newForOld.cend(), -1) +
                                          std::count(match.oldForNew.cbegin(), match.oldForNew.cend(), -1) +
                                          std::count(match.moved.cbegin(), match.moved.cend(), true);
    if (replacesWholeArray(reshapingOperations, before.items().size(), after.items().size())) {
        m_operations.append(operation(u"replace"_s, at.pointer(), after));
        return;
    }
    const bool reshaped = reshapingOperations > 0;
    const QString path = reshaped ? at.pointer() : QString();
    // Highest index first, so each removal leaves the indices of the next ones valid.
    for (qsizetype i = before.items().size() - 1; i >= 0; --i) {
        if (match.newForOld[i] < 0)
            m_operations.append(operation(u"remove"_s, json::appendIndex(path, i)));
    }
    if (reshaped)
        placeItems(after, match, path);
    // Every item now stands at its final index.
    for (qsizetype j = 0; j < after.items().size(); ++j) {
        const qsizetype i = match.oldForNew[j];
        if (i >= 0)
            compare(before.items().at(i), after.items().at(j), at.item(j));
    }
}

// After the removals the array holds the matched old items in old order. Anchors (items
// of the common subsequence) never move; every other new item is put right after the
// item preceding it in the new array. Ordering positions by (old index of the preceding
// anchor, new index) gives each item's place, and the Fenwick tree its current index.
void PatchWriter::placeItems(const Node &after, const SequenceMatch &match, const QString &path)
{
    const qsizetype oldCount = match.newForOld.size();
    const qsizetype newCount = match.oldForNew.size();
    std::vector<qsizetype> oldRank(oldCount, -1);
    std::vector<qsizetype> newRank(newCount, -1);
    std::vector<qsizetype> precedingAnchor(newCount, -1);
    for (qsizetype j = 0, anchor = -1; j < newCount; ++j) {
        precedingAnchor[j] = anchor;
        if (match.isAnchor(j))
            anchor = match.oldForNew[j];
    }
    qsizetype rank = 0;
    qsizetype i = 0;
    for (qsizetype j = 0; j <= newCount; ++j) {
        if (j < newCount && match.isAnchor(j))
            continue;
        // Old item (i, before any placed item) sorts before placed item (anchor, j) when i <= anchor.
        const qsizetype limit = j < newCount ? precedingAnchor[j] : oldCount;
        for (; i < oldCount && i <= limit; ++i) {
            if (match.newForOld[i] >= 0)
                oldRank[i] = rank++;
        }
        if (j < newCount)
            newRank[j] = rank++;
    }

    Fenwick live(rank);
    for (qsizetype old = 0; old < oldCount; ++old) {
        if (oldRank[old] >= 0)
            live.add(oldRank[old], 1);
    }
    for (qsizetype j = 0; j < newCount; ++j) {
        if (match.isAnchor(j))
            continue;
        const qsizetype old = match.oldForNew[j];
        if (old < 0) {
            const qsizetype to = live.countBelow(newRank[j]);
            live.add(newRank[j], 1);
            m_operations.append(operation(u"add"_s, json::appendIndex(path, to), after.items().at(j)));
            continue;
        }
        const qsizetype from = live.countBelow(oldRank[old]);
        live.add(oldRank[old], -1);
        const qsizetype to = live.countBelow(newRank[j]);
        live.add(newRank[j], 1);
        if (from != to)
            m_operations.append(moveOperation(json::appendIndex(path, from), json::appendIndex(path, to)));
    }
}

// Array index of a token: "0" or digits without a leading zero; "-" (past the end) when allowed.
std::optional<qsizetype> arrayIndex(const QString &token, qsizetype size, bool allowEnd)
{
    if (allowEnd && token == u"-"_s)
        return size;
    const auto index = json::arrayIndex(token);
    if (!index || *index > size || (*index == size && !allowEnd))
        return std::nullopt;
    return index;
}

// Applies operations to a private copy; the caller sees the copy only when all succeed.
class PatchApplier
{
public:
    explicit PatchApplier(Node document) : m_document(std::move(document)) {}

    Status apply(const Node &operation);
    Node take() { return std::move(m_document); }

private:
    Status add(const QStringList &tokens, Node value);
    Status remove(const QStringList &tokens, Node *removed);
    Status replace(const QStringList &tokens, Node value);
    Node *find(const QStringList &tokens, qsizetype count);
    Error fail(const QString &message) const { return Error::invalid(m_path, message); }
    Error missing(const QString &pointer) const
    {
        return fail(CoreTr::tr("%1: there is no value at \"%2\"").arg(m_op, pointer));
    }
    Error badIndex(const QString &pointer) const
    {
        return fail(CoreTr::tr("%1: \"%2\" is not a valid index of its array").arg(m_op, pointer));
    }

    Node m_document;
    QString m_op;   // of the operation being applied, for messages
    QString m_path; // ditto; the Error's field
};

// The node reached by the first `count` tokens, or nullptr.
Node *PatchApplier::find(const QStringList &tokens, qsizetype count)
{
    Node *current = &m_document;
    for (qsizetype t = 0; t < count && current; ++t) {
        if (current->isObject()) {
            current = current->member(tokens[t]);
        } else if (current->isArray()) {
            const auto index = arrayIndex(tokens[t], current->items().size(), false);
            current = index ? &current->items()[*index] : nullptr;
        } else {
            current = nullptr;
        }
    }
    return current;
}

Status PatchApplier::add(const QStringList &tokens, Node value)
{
    if (tokens.isEmpty()) {
        m_document = std::move(value);
        return {};
    }
    Node *parent = find(tokens, tokens.size() - 1);
    const QString parentPath = m_path.section(u'/', 0, -2);
    if (!parent)
        return missing(parentPath);
    if (!parent->isContainer())
        return fail(CoreTr::tr("%1: \"%2\" is neither an object nor an array").arg(m_op, parentPath));
    if (parent->isObject()) {
        parent->setMember(tokens.last(), std::move(value)); // replaces in place, or appends
        return {};
    }
    const auto index = arrayIndex(tokens.last(), parent->items().size(), true);
    if (!index)
        return badIndex(m_path);
    parent->items().insert(*index, std::move(value));
    return {};
}

Status PatchApplier::remove(const QStringList &tokens, Node *removed)
{
    if (tokens.isEmpty())
        return fail(CoreTr::tr("%1: the whole document cannot be removed").arg(m_op));
    Node *parent = find(tokens, tokens.size() - 1);
    Node *target = find(tokens, tokens.size());
    if (!parent || !target)
        return missing(m_path);
    if (removed)
        *removed = std::move(*target);
    if (parent->isObject())
        parent->removeMember(tokens.last());
    else
        parent->items().removeAt(*arrayIndex(tokens.last(), parent->items().size(), false));
    return {};
}

Status PatchApplier::replace(const QStringList &tokens, Node value)
{
    Node *target = find(tokens, tokens.size());
    if (!target)
        return missing(m_path);
    *target = std::move(value);
    return {};
}

Status PatchApplier::apply(const Node &operation)
{
    const Node *op = operation.isObject() ? operation.member(u"op"_s) : nullptr;
    const Node *path = operation.isObject() ? operation.member(u"path"_s) : nullptr;
    m_op = op && op->isString() ? op->text() : QString();
    m_path = path && path->isString() ? path->text() : QString();
    if (!op || !op->isString() || !path || !path->isString())
        return fail(CoreTr::tr("an operation needs \"op\" and \"path\" strings"));
    const auto tokens = json::splitPointer(m_path);
    if (!tokens)
        return fail(CoreTr::tr("%1: \"%2\" is not a JSON Pointer").arg(m_op, m_path));
    const Node *value = operation.member(u"value"_s);
    const Node *fromNode = operation.member(u"from"_s);
    const bool needsValue = m_op == u"add"_s || m_op == u"replace"_s || m_op == u"test"_s;
    const bool needsFrom = m_op == u"move"_s || m_op == u"copy"_s;
    if (needsValue && !value)
        return fail(CoreTr::tr("%1: \"value\" is missing").arg(m_op));
    std::optional<QStringList> from;
    if (needsFrom) {
        if (fromNode && fromNode->isString())
            from = json::splitPointer(fromNode->text());
        if (!from)
            return fail(CoreTr::tr("%1: \"from\" must be a JSON Pointer").arg(m_op));
    }

    if (m_op == u"add"_s)
        return add(*tokens, *value);
    if (m_op == u"remove"_s)
        return remove(*tokens, nullptr);
    if (m_op == u"replace"_s)
        return tokens->isEmpty() ? add(*tokens, *value) : replace(*tokens, *value);
    if (m_op == u"test"_s) {
        const Node *target = find(*tokens, tokens->size());
        if (!target)
            return missing(m_path);
        if (!target->sameValue(*value))
            return fail(CoreTr::tr("test: the value at \"%1\" differs").arg(m_path));
        return {};
    }
    if (m_op == u"copy"_s) {
        const Node *source = find(*from, from->size());
        if (!source)
            return missing(fromNode->text());
        return add(*tokens, Node(*source));
    }
    if (m_op == u"move"_s) {
        if (from->size() < tokens->size() && tokens->mid(0, from->size()) == *from)
            return fail(CoreTr::tr("move: \"%1\" cannot move inside itself, to \"%2\"").arg(fromNode->text(), m_path));
        if (!find(*from, from->size()))
            return missing(fromNode->text());
        Node moving;
        if (Status failed = remove(*from, &moving))
            return failed;
        return add(*tokens, std::move(moving));
    }
    return fail(CoreTr::tr("unknown operation \"%1\"").arg(m_op));
}

} // namespace

Node toPatch(const Node &before, const Node &after)
{
    return toPatch(before, after, DiffOptions{});
}

Node toPatch(const Node &before, const Node &after, const DiffOptions &options)
{
    PatchWriter writer(options);
    writer.compare(before, after, Location{});
    return Node::array(writer.take());
}

Result<Node> applyPatch(const Node &document, const Node &patch)
{
    if (!patch.isArray())
        return Error::invalid({}, CoreTr::tr("a JSON Patch is an array of operations"));
    PatchApplier applier(document);
    for (const Node &operation : patch.items()) {
        if (Status failed = applier.apply(operation))
            return *failed;
    }
    return applier.take();
}

} // namespace steward::diff
