// Structural diff and JSON Patch on realistic payloads (an entity with a long text and an
// array of 10k or 100k line objects: one insertion at the head, a few moves and edits),
// against the baseline a naive tool would use: compare by position, index by index.
// Prints times, ratios and how many changes each approach reports.

#include "diff/JsonPatch.h"
#include "diff/StructuralDiff.h"
#include "json/JsonParser.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace steward;
using steward::json::Node;

namespace {

constexpr int kRepeats = 3;

Node line(int index, QRandomGenerator &random)
{
    const QString number = QString::number(index).rightJustified(6, u'0');
    return Node::object({
        {u"canonicalKey"_s, Node::string(u"gl.line."_s + number)},
        {u"name"_s, Node::string(u"Line "_s + number)},
        {u"amount"_s, Node::number(QString::number(random.bounded(1'000'000)) + u".25"_s)},
        {u"active"_s, Node::boolean(index % 7 != 0)},
        {u"tags"_s, Node::array({Node::string(u"ledger"_s), Node::string(u"q"_s + QString::number(index % 4))})},
    });
}

QString longText(int words, int variant)
{
    static const QStringList vocabulary = {u"amount"_s,   u"ledger"_s,  u"invoice"_s, u"gross"_s, u"net"_s,
                                           u"currency"_s, u"rounded"_s, u"before"_s,  u"after"_s, u"taxes"_s};
    QStringList text;
    for (int i = 0; i < words; ++i)
        text.append(vocabulary.at((i * 7 + (i % 13 == 0 ? variant : 0)) % vocabulary.size()));
    return text.join(u' ');
}

struct Pair
{
    Node before;
    Node after;
    qsizetype bytes = 0;
};

// The new version: one line inserted at the head, three moved, five amounts edited, a
// line removed, and a few words of the long description changed.
Pair makePair(int lines)
{
    QRandomGenerator random(42);
    QList<Node> items;
    items.reserve(lines);
    for (int i = 0; i < lines; ++i)
        items.append(line(i, random));
    Pair pair;
    pair.before = Node::object({{u"entityType"_s, Node::string(u"BUSINESS_RULE"_s)},
                                {u"canonicalKey"_s, Node::string(u"rule.ledger.lines"_s)},
                                {u"description"_s, Node::string(longText(400, 0))},
                                {u"lines"_s, Node::array(items)}});
    QList<Node> edited = items;
    for (int e = 0; e < 5; ++e)
        edited[(e + 1) * lines / 7].setMember(u"amount"_s, Node::number(u"0.01"_s));
    for (const int from : {lines / 2, lines / 3, lines - 10})
        edited.move(from, (from * 3) % (lines / 4));
    edited.removeAt(lines / 5);
    edited.prepend(line(lines, random));
    pair.after = pair.before;
    pair.after.setMember(u"description"_s, Node::string(longText(400, 3)));
    pair.after.setMember(u"lines"_s, Node::array(edited));
    pair.bytes = json::serialize(pair.after).size();
    return pair;
}

// The baseline: objects by member name, arrays index by index, values by decimal value.
void positionalDiff(const Node &before, const Node &after, int &changes)
{
    if (before.kind() != after.kind()) {
        ++changes;
        return;
    }
    if (before.isObject()) {
        for (const Node::Member &member : after.members()) {
            const Node *old = before.member(member.first);
            if (old)
                positionalDiff(*old, member.second, changes);
            else
                ++changes;
        }
        for (const Node::Member &member : before.members())
            changes += after.member(member.first) ? 0 : 1;
    } else if (before.isArray()) {
        const qsizetype common = std::min(before.items().size(), after.items().size());
        for (qsizetype i = 0; i < common; ++i)
            positionalDiff(before.items()[i], after.items()[i], changes);
        changes += int(std::max(before.items().size(), after.items().size()) - common);
    } else if (!before.sameValue(after)) {
        ++changes;
    }
}

// Median of a few runs, in milliseconds.
double timeMs(const std::function<void()> &work)
{
    QList<double> times;
    for (int r = 0; r < kRepeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(kRepeats / 2);
}

void run(int lines)
{
    const Pair pair = makePair(lines);
    const auto before = std::make_shared<const Node>(pair.before);
    const auto after = std::make_shared<const Node>(pair.after);
    const QByteArray text = json::serialize(pair.after);
    std::printf("\n%d lines, %.1f MB payload\n", lines, double(pair.bytes) / (1024.0 * 1024.0));

    double parseMs = timeMs([&] { (void)json::parse(text); });
    int positionalChanges = 0;
    const double positionalMs = timeMs([&] {
        positionalChanges = 0;
        positionalDiff(pair.before, pair.after, positionalChanges);
    });
    diff::DiffResult result;
    const double diffMs = timeMs([&] { result = diff::diff(before, after); });
    Node patch;
    const double patchMs = timeMs([&] { patch = diff::toPatch(pair.before, pair.after); });
    Result<Node> applied = Node();
    const double applyMs = timeMs([&] { applied = diff::applyPatch(pair.before, patch); });
    const bool exact = applied.ok() && applied.value().identical(pair.after);

    const diff::DiffCounts &c = result.counts;
    std::printf("  parse (for scale)            %9.1f ms\n", parseMs);
    std::printf("  baseline: positional diff    %9.1f ms  %7d changes reported\n", positionalMs, positionalChanges);
    std::printf("  structural diff (full tree)  %9.1f ms  %7d changes: %d added, %d removed, %d changed, %d moved%s\n",
                diffMs, c.total(), c.added, c.removed, c.changed, c.moved, result.approximate ? " (approximate)" : "");
    std::printf("  toPatch                      %9.1f ms  %7lld operations\n", patchMs,
                static_cast<long long>(patch.items().size()));
    std::printf("  applyPatch                   %9.1f ms  result identical to new: %s\n", applyMs,
                exact ? "yes" : "NO");
    std::printf("  ratio structural/positional  %9.2fx time; %d changes reported vs %d\n", diffMs / positionalMs,
                c.total(), positionalChanges);
}

// Pairs that defeat alignment: the budget must turn them into a quick, coarser answer.
void runWorstCases()
{
    QList<Node> left;
    QList<Node> right;
    for (int i = 0; i < 200'000; ++i) {
        left.append(Node::number(QString::number(i)));
        right.append(Node::number(QString::number(i + 1'000'000)));
    }
    const auto disjointBefore = std::make_shared<const Node>(Node::array(left));
    const auto disjointAfter = std::make_shared<const Node>(Node::array(right));
    diff::DiffResult disjoint;
    const double disjointMs = timeMs([&] { disjoint = diff::diff(disjointBefore, disjointAfter); });
    std::printf("\nworst case: two 200k-number arrays sharing nothing (Myers D = N+M)\n");
    std::printf("  structural diff              %9.1f ms  %7d changes, approximate: %s\n", disjointMs,
                disjoint.counts.total(), disjoint.approximate ? "yes" : "no");

    const Pair pair = makePair(100'000);
    Node reversed = pair.before;
    QList<Node> lines = reversed.member(u"lines"_s)->items();
    std::reverse(lines.begin(), lines.end());
    reversed.setMember(u"lines"_s, Node::array(lines));
    const auto before = std::make_shared<const Node>(pair.before);
    const auto after = std::make_shared<const Node>(reversed);
    diff::DiffResult result;
    const double diffMs = timeMs([&] { result = diff::diff(before, after); });
    Node patch;
    const double patchMs = timeMs([&] { patch = diff::toPatch(pair.before, reversed); });
    const Result<Node> applied = diff::applyPatch(pair.before, patch);
    std::printf("worst case: 100k lines reversed\n");
    std::printf("  structural diff              %9.1f ms  %7d moved, approximate: %s\n", diffMs, result.counts.moved,
                result.approximate ? "yes" : "no");
    std::printf("  toPatch                      %9.1f ms  %7lld operations (whole-array replace), exact: %s\n", patchMs,
                static_cast<long long>(patch.items().size()),
                applied.ok() && applied.value().identical(reversed) ? "yes" : "NO");
}

} // namespace

int main()
{
    std::printf("bench_json_diff: median of %d runs; baseline = positional (index-by-index) diff, which only "
                "counts and builds no tree\n",
                kRepeats);
    run(10'000);
    run(100'000);
    runWorstCases();
    return 0;
}
