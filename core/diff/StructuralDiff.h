#pragma once

#include "diff/SequenceAlignment.h"
#include "json/JsonNode.h"

#include <QDeadlineTimer>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace steward::diff {

using json::Node;

// One word-level edit of a long string (over 60 characters).
struct WordEdit
{
    enum class Kind { Same, Deleted, Inserted };
    Kind kind = Kind::Same;
    QString text; // words with their following whitespace
};

// A node of the aligned tree: one row a reviewer sees, with both sides.
struct DiffNode
{
    enum class Kind { Unchanged, Added, Removed, Changed, TypeChanged, Moved };

    Kind kind = Kind::Unchanged;
    QString key;        // member name, or the array item's label (identity or "[3]")
    QString path;       // JSON Pointer in the new document (old document for Removed)
    QString fromPath;   // Moved: where the item was in the old document
    const Node *before = nullptr; // into DiffResult::before; null when Added
    const Node *after = nullptr;  // into DiffResult::after; null when Removed
    bool formattingOnly = false;  // numbers equal in value, written differently (100.0 vs 100)
    bool containsChanges = false; // this node or a descendant differs
    QList<WordEdit> words;        // Changed long strings
    QList<DiffNode> children;     // object members / array items, aligned

    int changeCount() const; // this node's own change plus its descendants'
};

struct DiffOptions
{
    // Identity member for arrays of objects (e.g. per entity type). Empty: the first of
    // id, canonicalKey, key, code present in every item of both arrays.
    QString identityKey;
    qint64 timeBudgetMs = 3000;       // past this, fall back to a coarser diff
    qint64 maxAlignmentCost = 20'000'000; // (n+m)*D bound for one array alignment
};

struct DiffCounts
{
    int added = 0;
    int removed = 0;
    int changed = 0; // includes type changes
    int moved = 0;
    int formattingOnly = 0; // numbers written differently but equal; not a change, not in total()
    int total() const { return added + removed + changed + moved; }
};

// The result owns both documents; DiffNode pointers point into them.
struct DiffResult
{
    std::shared_ptr<const Node> before; // null document for a create
    std::shared_ptr<const Node> after;
    DiffNode root;
    bool approximate = false;       // a budget was hit: some arrays/strings compared coarsely
    QString approximateReason;      // what was simplified, for the visible notice
    DiffCounts counts;
    // Every changed node in document order (pre-order), for n/p navigation and lists.
    QList<const DiffNode *> changes() const;
};

// Compares `before` (absent for a create) with `after`.
DiffResult diff(std::shared_ptr<const Node> before, std::shared_ptr<const Node> after,
                const DiffOptions &options = {});

// How the items of two arrays correspond. diff() displays it and toPatch() follows it, so
// the exported patch makes exactly the moves, additions and removals the reviewer saw.
struct ArrayMatch
{
    QString identityKey; // the member naming each item; empty: items aligned by value
    SequenceMatch items;
};
ArrayMatch matchArrayItems(const Node &before, const Node &after, const DiffOptions &options,
                           const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));
// The member that identifies the items of both arrays (see DiffOptions::identityKey), or "".
QString identityKeyFor(const Node &before, const Node &after, const QString &preferred);
// Both objects have the same member names in the same order: the common case of an edit,
// compared pairwise without looking members up.
bool sameMemberNames(const Node &before, const Node &after);

} // namespace steward::diff
