#include "diff/SequenceAlignment.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace steward::diff {

int SymbolTable::intern(const QString &text)
{
    const auto found = m_ids.constFind(text);
    if (found != m_ids.constEnd())
        return *found;
    const auto id = int(m_ids.size());
    m_ids.insert(text, id);
    return id;
}

namespace {

// Appends runs, merging a run into the previous one of the same kind.
class RunWriter
{
public:
    explicit RunWriter(QList<EditRun> &runs) : m_runs(runs) {}

    void add(EditRun::Kind kind, qsizetype oldIndex, qsizetype newIndex, qsizetype length)
    {
        if (length <= 0)
            return;
        if (!m_runs.isEmpty() && m_runs.last().kind == kind) {
            m_runs.last().length += length;
            return;
        }
        m_runs.append(EditRun{kind, oldIndex, newIndex, length});
    }

private:
    QList<EditRun> &m_runs;
};

// Positions of each symbol in a range, earliest first, handed out one at a time. One
// hash entry per distinct symbol and a "next" link per position: no list per symbol.
class PositionQueues
{
public:
    PositionQueues(const int *symbols, const QList<qsizetype> &positions)
        : m_positions(positions), m_next(positions.size(), 0)
    {
        m_first.reserve(positions.size());
        for (qsizetype p = positions.size() - 1; p >= 0; --p) {
            qsizetype &first = m_first[symbols[positions[p]]];
            m_next[p] = first;
            first = p + 1; // stored off by one so a fresh entry (0) means "none"
        }
    }
    // The earliest unused position of `symbol`, or -1.
    qsizetype take(int symbol)
    {
        const auto found = m_first.find(symbol);
        if (found == m_first.end() || *found == 0)
            return -1;
        const qsizetype p = *found - 1;
        *found = m_next[p];
        return m_positions[p];
    }

private:
    QList<qsizetype> m_positions;
    QHash<int, qsizetype> m_first;
    std::vector<qsizetype> m_next;
};

// Patience sorting: the longest subsequence of `pairs` (new ascending) whose old indices
// increase too, as indices into `pairs`, in order. O(k log k).
std::vector<qsizetype> longestIncreasingRun(const std::vector<std::pair<qsizetype, qsizetype>> &pairs)
{
    std::vector<qsizetype> tails; // tails[l]: the pair ending the best run of length l+1
    std::vector<qsizetype> previous(pairs.size(), -1);
    for (qsizetype p = 0; p < qsizetype(pairs.size()); ++p) {
        const auto place = std::lower_bound(tails.begin(), tails.end(), p, [&](qsizetype t, qsizetype value) {
            return pairs[t].first < pairs[value].first;
        });
        if (place != tails.begin())
            previous[p] = *(place - 1);
        if (place == tails.end())
            tails.push_back(p);
        else
            *place = p;
    }
    std::vector<qsizetype> run;
    for (qsizetype p = tails.empty() ? -1 : tails.back(); p >= 0; p = previous[p])
        run.push_back(p);
    std::reverse(run.begin(), run.end());
    return run;
}

// Aligns a part the budget could not pay for: equal symbols are paired first come, first
// paired, and the longest run of pairs increasing on both sides is kept as common. Exact
// when symbols are unique (the LCS of a permutation is its longest increasing subsequence).
void alignCoarsely(const int *a, const int *b, qsizetype aLo, qsizetype aHi, qsizetype bLo, qsizetype bHi,
                   RunWriter &out)
{
    QList<qsizetype> oldPositions;
    oldPositions.reserve(aHi - aLo);
    for (qsizetype i = aLo; i < aHi; ++i)
        oldPositions.append(i);
    PositionQueues unused(a, oldPositions);
    std::vector<std::pair<qsizetype, qsizetype>> pairs; // (old, new), new ascending
    for (qsizetype j = bLo; j < bHi; ++j) {
        const qsizetype i = unused.take(b[j]);
        if (i >= 0)
            pairs.emplace_back(i, j);
    }

    qsizetype x = aLo;
    qsizetype y = bLo;
    for (const qsizetype p : longestIncreasingRun(pairs)) {
        const auto [i, j] = pairs[p];
        out.add(EditRun::Kind::Delete, x, y, i - x);
        out.add(EditRun::Kind::Insert, i, y, j - y);
        out.add(EditRun::Kind::Equal, i, j, 1);
        x = i + 1;
        y = j + 1;
    }
    out.add(EditRun::Kind::Delete, x, y, aHi - x);
    out.add(EditRun::Kind::Insert, aHi, y, bHi - y);
}

// The two searches of Myers' middle snake: furthest-reaching paths per diagonal from the
// top-left corner (forward) and from the bottom-right one (reverse), after diff-match-patch's
// bisect. Diagonals whose paths run off the grid are dropped at the ends.
class MiddleSnake
{
public:
    MiddleSnake(const int *a, const int *b, qsizetype n, qsizetype m, qsizetype maxD)
        : m_a(a), m_b(b), m_n(n), m_m(m), m_delta(n - m), m_offset(maxD), m_length(2 * maxD + 2),
          m_forward{std::vector<qsizetype>(m_length, -1)}, m_reverse{std::vector<qsizetype>(m_length, -1)}
    {
        m_forward.furthest[m_offset + 1] = 0;
        m_reverse.furthest[m_offset + 1] = 0;
    }

    // Extends one search by difference d; true when it meets the other search, with the
    // split point (a point on an optimal path) in x, y. Adds the work done to `cost`.
    template <bool Reverse>
    bool extend(qsizetype d, qint64 &cost, qsizetype &x, qsizetype &y);

private:
    struct Frontier
    {
        std::vector<qsizetype> furthest; // x reached per diagonal k, at furthest[offset + k]
        qsizetype kStart = 0;
        qsizetype kEnd = 0;
    };

    template <bool Reverse>
    bool same(qsizetype x, qsizetype y) const
    {
        return Reverse ? m_a[m_n - x - 1] == m_b[m_m - y - 1] : m_a[x] == m_b[y];
    }

    const int *m_a;
    const int *m_b;
    const qsizetype m_n;
    const qsizetype m_m;
    const qsizetype m_delta;
    const qsizetype m_offset;
    const qsizetype m_length;
    Frontier m_forward;
    Frontier m_reverse;
};

template <bool Reverse>
bool MiddleSnake::extend(qsizetype d, qint64 &cost, qsizetype &x, qsizetype &y)
{
    Frontier &own = Reverse ? m_reverse : m_forward;
    const Frontier &other = Reverse ? m_forward : m_reverse;
    std::vector<qsizetype> &v = own.furthest;
    // Paths can only meet on the parity of the other search: the forward search checks
    // when N-M is odd, the reverse one when it is even.
    const bool checks = ((m_delta % 2) != 0) != Reverse;
    for (qsizetype k = -d + own.kStart; k <= d - own.kEnd; k += 2) {
        const qsizetype at = m_offset + k;
        qsizetype px = (k == -d || (k != d && v[at - 1] < v[at + 1])) ? v[at + 1] : v[at - 1] + 1;
        qsizetype py = px - k;
        const qsizetype snakeStart = px;
        while (px < m_n && py < m_m && same<Reverse>(px, py)) {
            ++px;
            ++py;
        }
        cost += 1 + (px - snakeStart);
        v[at] = px;
        if (px > m_n) {
            own.kEnd += 2; // ran off the right of the grid
            continue;
        }
        if (py > m_m) {
            own.kStart += 2; // ran off the bottom
            continue;
        }
        const qsizetype otherAt = m_offset + m_delta - k;
        if (!checks || otherAt < 0 || otherAt >= m_length || other.furthest[otherAt] == -1)
            continue;
        const qsizetype forwardX = Reverse ? other.furthest[otherAt] : px;
        const qsizetype reverseX = Reverse ? px : other.furthest[otherAt];
        if (forwardX >= m_n - reverseX) {
            x = forwardX;
            y = Reverse ? forwardX - (otherAt - m_offset) : py;
            return true;
        }
    }
    return false;
}

// Myers' O((N+M)D) algorithm in linear space: find the middle snake, solve each side of
// it recursively. Work is charged to the budget; a part it cannot pay for is aligned
// coarsely, so the result is always a complete edit script.
class MyersAligner
{
public:
    MyersAligner(const int *a, const int *b, const AlignmentBudget &budget, RunWriter &out)
        : m_a(a), m_b(b), m_budget(budget), m_out(out)
    {
    }

    void align(qsizetype aLo, qsizetype aHi, qsizetype bLo, qsizetype bHi);
    bool exact() const { return m_exact; }
    qint64 cost() const { return m_cost; }

private:
    enum class Bisect { Split, NothingInCommon, OutOfBudget };
    Bisect bisect(qsizetype aLo, qsizetype aHi, qsizetype bLo, qsizetype bHi, qsizetype &splitX, qsizetype &splitY);
    bool overBudget() const { return m_cost > m_budget.maxCost || m_budget.deadline.hasExpired(); }

    const int *m_a;
    const int *m_b;
    const AlignmentBudget &m_budget;
    RunWriter &m_out;
    qint64 m_cost = 0;
    bool m_exact = true;
};

void MyersAligner::align(qsizetype aLo, qsizetype aHi, qsizetype bLo, qsizetype bHi)
{
    qsizetype prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && m_a[aLo + prefix] == m_b[bLo + prefix])
        ++prefix;
    m_out.add(EditRun::Kind::Equal, aLo, bLo, prefix);
    aLo += prefix;
    bLo += prefix;
    qsizetype suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && m_a[aHi - suffix - 1] == m_b[bHi - suffix - 1])
        ++suffix;
    m_cost += prefix + suffix;
    const qsizetype aEnd = aHi - suffix;
    const qsizetype bEnd = bHi - suffix;

    if (aLo == aEnd) {
        m_out.add(EditRun::Kind::Insert, aLo, bLo, bEnd - bLo);
    } else if (bLo == bEnd) {
        m_out.add(EditRun::Kind::Delete, aLo, bLo, aEnd - aLo);
    } else {
        qsizetype x = 0;
        qsizetype y = 0;
        const Bisect split = bisect(aLo, aEnd, bLo, bEnd, x, y);
        if (split == Bisect::Split) {
            align(aLo, x, bLo, y);
            align(x, aEnd, y, bEnd);
        } else if (split == Bisect::NothingInCommon) {
            m_out.add(EditRun::Kind::Delete, aLo, bLo, aEnd - aLo);
            m_out.add(EditRun::Kind::Insert, aEnd, bLo, bEnd - bLo);
        } else {
            m_exact = false;
            alignCoarsely(m_a, m_b, aLo, aEnd, bLo, bEnd, m_out);
        }
    }
    m_out.add(EditRun::Kind::Equal, aEnd, bEnd, suffix);
}

MyersAligner::Bisect MyersAligner::bisect(qsizetype aLo, qsizetype aHi, qsizetype bLo, qsizetype bHi, qsizetype &splitX,
                                          qsizetype &splitY)
{
    if (overBudget())
        return Bisect::OutOfBudget;
    const qsizetype n = aHi - aLo;
    const qsizetype m = bHi - bLo;
    // Each step d visits about 2d diagonals, so the remaining budget bounds d by about its
    // square root; sizing the search by that keeps a hopeless pair from allocating N+M.
    const auto remaining = double(std::max<qint64>(0, m_budget.maxCost - m_cost));
    const qsizetype fullD = (n + m + 1) / 2;
    const qsizetype maxD = std::min<qsizetype>(fullD, qsizetype(std::sqrt(2 * remaining)) + 2);
    MiddleSnake search(m_a + aLo, m_b + bLo, n, m, maxD);
    for (qsizetype d = 0; d < maxD; ++d) {
        if (overBudget())
            return Bisect::OutOfBudget;
        qsizetype x = 0;
        qsizetype y = 0;
        if (search.extend<false>(d, m_cost, x, y) || search.extend<true>(d, m_cost, x, y)) {
            splitX = aLo + x;
            splitY = bLo + y;
            return Bisect::Split;
        }
    }
    // The searches always meet by (N+M)/2 unless no element is shared at all.
    return maxD == fullD ? Bisect::NothingInCommon : Bisect::OutOfBudget;
}

// Pairs the elements left outside the common subsequence: equal symbols become moves.
void pairMoves(const QList<int> &oldSymbols, const QList<int> &newSymbols, SequenceMatch &match)
{
    QList<qsizetype> deleted;
    for (const EditRun &run : std::as_const(match.runs)) {
        if (run.kind == EditRun::Kind::Delete) {
            for (qsizetype i = run.oldIndex; i < run.oldIndex + run.length; ++i)
                deleted.append(i);
        }
    }
    if (deleted.isEmpty())
        return;
    PositionQueues unused(oldSymbols.constData(), deleted);
    for (const EditRun &run : std::as_const(match.runs)) {
        if (run.kind != EditRun::Kind::Insert)
            continue;
        for (qsizetype j = run.newIndex; j < run.newIndex + run.length; ++j) {
            const qsizetype i = unused.take(newSymbols[j]);
            if (i < 0)
                continue;
            match.oldForNew[j] = i;
            match.newForOld[i] = j;
            match.moved[j] = true;
        }
    }
}

// Between two common runs, what was deleted and what was inserted pair up in order.
void pairGaps(SequenceMatch &match)
{
    QList<qsizetype> deleted;
    QList<qsizetype> inserted;
    auto flush = [&] {
        for (qsizetype p = 0; p < std::min(deleted.size(), inserted.size()); ++p) {
            match.oldForNew[inserted[p]] = deleted[p];
            match.newForOld[deleted[p]] = inserted[p];
        }
        deleted.clear();
        inserted.clear();
    };
    for (const EditRun &run : std::as_const(match.runs)) {
        if (run.kind == EditRun::Kind::Equal) {
            flush();
        } else if (run.kind == EditRun::Kind::Delete) {
            for (qsizetype i = run.oldIndex; i < run.oldIndex + run.length; ++i) {
                if (match.newForOld[i] < 0)
                    deleted.append(i);
            }
        } else {
            for (qsizetype j = run.newIndex; j < run.newIndex + run.length; ++j) {
                if (match.oldForNew[j] < 0)
                    inserted.append(j);
            }
        }
    }
    flush();
}

} // namespace

Alignment align(const QList<int> &oldSymbols, const QList<int> &newSymbols, const AlignmentBudget &budget)
{
    Alignment result;
    RunWriter writer(result.runs);
    MyersAligner aligner(oldSymbols.constData(), newSymbols.constData(), budget, writer);
    aligner.align(0, oldSymbols.size(), 0, newSymbols.size());
    result.exact = aligner.exact();
    result.cost = aligner.cost();
    return result;
}

SequenceMatch matchSequences(const QList<int> &oldSymbols, const QList<int> &newSymbols, GapPairing pairing,
                             const AlignmentBudget &budget)
{
    Alignment alignment = align(oldSymbols, newSymbols, budget);
    SequenceMatch match;
    match.oldForNew = QList<qsizetype>(newSymbols.size(), -1);
    match.newForOld = QList<qsizetype>(oldSymbols.size(), -1);
    match.moved = QList<bool>(newSymbols.size(), false);
    match.runs = std::move(alignment.runs);
    match.exact = alignment.exact;
    for (const EditRun &run : std::as_const(match.runs)) {
        if (run.kind != EditRun::Kind::Equal)
            continue;
        for (qsizetype offset = 0; offset < run.length; ++offset) {
            match.oldForNew[run.newIndex + offset] = run.oldIndex + offset;
            match.newForOld[run.oldIndex + offset] = run.newIndex + offset;
        }
    }
    pairMoves(oldSymbols, newSymbols, match);
    if (pairing == GapPairing::ByPosition)
        pairGaps(match);
    return match;
}

SequenceMatch withCommonEnds(const SequenceMatch &middle, qsizetype prefix, qsizetype suffix)
{
    if (prefix == 0 && suffix == 0)
        return middle;
    const qsizetype oldMiddle = middle.newForOld.size();
    const qsizetype newMiddle = middle.oldForNew.size();
    SequenceMatch match;
    match.exact = middle.exact;
    match.oldForNew.reserve(prefix + newMiddle + suffix);
    match.newForOld.reserve(prefix + oldMiddle + suffix);
    match.moved.reserve(prefix + newMiddle + suffix);
    auto shifted = [&](qsizetype index, qsizetype offset) { return index < 0 ? index : index + offset; };

    for (qsizetype k = 0; k < prefix; ++k) {
        match.oldForNew.append(k);
        match.newForOld.append(k);
        match.moved.append(false);
    }
    for (qsizetype j = 0; j < newMiddle; ++j) {
        match.oldForNew.append(shifted(middle.oldForNew[j], prefix));
        match.moved.append(middle.moved[j]);
    }
    for (qsizetype i = 0; i < oldMiddle; ++i)
        match.newForOld.append(shifted(middle.newForOld[i], prefix));
    for (qsizetype k = 0; k < suffix; ++k) {
        match.oldForNew.append(prefix + oldMiddle + k);
        match.newForOld.append(prefix + newMiddle + k);
        match.moved.append(false);
    }

    RunWriter writer(match.runs);
    writer.add(EditRun::Kind::Equal, 0, 0, prefix);
    for (const EditRun &run : middle.runs)
        writer.add(run.kind, run.oldIndex + prefix, run.newIndex + prefix, run.length);
    writer.add(EditRun::Kind::Equal, prefix + oldMiddle, prefix + newMiddle, suffix);
    return match;
}

} // namespace steward::diff
