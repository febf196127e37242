#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QString>

namespace steward::diff {

// Gives each distinct string a small integer, so alignment compares integers and two
// different strings never collide the way hashes could.
class SymbolTable
{
public:
    int intern(const QString &text);
    void reserve(qsizetype size) { m_ids.reserve(size); }

private:
    QHash<QString, int> m_ids;
};

// One run of an edit script that turns the old sequence into the new one.
struct EditRun
{
    enum class Kind { Equal, Delete, Insert };
    Kind kind = Kind::Equal;
    qsizetype oldIndex = 0; // first old element of the run (Equal, Delete)
    qsizetype newIndex = 0; // first new element of the run (Equal, Insert)
    qsizetype length = 0;
};

// Work allowed for one alignment. Cost counts diagonals visited plus snake steps, which
// is about (N+M)*D for Myers; past it, or past the deadline, the rest is aligned coarsely.
struct AlignmentBudget
{
    qint64 maxCost = 20'000'000;
    QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever);
};

struct Alignment
{
    QList<EditRun> runs; // in order; consecutive runs never share a kind
    bool exact = true;   // false: the budget ran out and some parts were aligned coarsely
    qint64 cost = 0;
};

// Myers' O((N+M)D) difference in linear space (middle snake, divide and conquer) after
// trimming the common prefix and suffix. Where the budget runs out, a part is aligned by
// pairing equal symbols and keeping the longest increasing run of them (O(k log k)).
Alignment align(const QList<int> &oldSymbols, const QList<int> &newSymbols, const AlignmentBudget &budget = {});

// How the elements of two sequences correspond, derived from an alignment.
struct SequenceMatch
{
    QList<qsizetype> oldForNew; // per new element: its old element, or -1 when inserted
    QList<qsizetype> newForOld; // per old element: its new element, or -1 when deleted
    QList<bool> moved;          // per new element: matched outside the common subsequence
    QList<EditRun> runs;        // the alignment, for displaying elements in order
    bool exact = true;

    bool isAnchor(qsizetype newIndex) const { return oldForNew[newIndex] >= 0 && !moved[newIndex]; }
};

enum class GapPairing {
    None,       // elements are entities: a different symbol is a different element
    ByPosition, // elements are values: left-over elements between the same anchors pair up in order
};

// Aligns, then pairs equal symbols left outside the common subsequence as moves (first
// come, first paired), then, with GapPairing::ByPosition, pairs what is left in each gap.
SequenceMatch matchSequences(const QList<int> &oldSymbols, const QList<int> &newSymbols, GapPairing pairing,
                             const AlignmentBudget &budget = {});

// `middle` matched the sequences without a common prefix and suffix of the given lengths
// (which a caller can find more cheaply than by making symbols); the result matches the
// whole sequences, the prefix and suffix paired as common runs.
SequenceMatch withCommonEnds(const SequenceMatch &middle, qsizetype prefix, qsizetype suffix);

} // namespace steward::diff
