// Properties over generated pairs: applying the exported patch to the old document
// gives the new one exactly, and the diff's counts, flags and paths agree with each other.

#include "RandomDocuments.h"
#include "diff/JsonPatch.h"
#include "diff/StructuralDiff.h"
#include "json/JsonParser.h"
#include "json/JsonPointer.h"

#include <QTest>

using namespace steward;
using namespace steward::diff;
using namespace steward::testing;

namespace {

constexpr int kPairs = 1500;

QByteArray describe(int index, const json::Node &before, const json::Node &after)
{
    return "pair " + QByteArray::number(index) + "\nbefore: " + json::serialize(before) +
           "\nafter:  " + json::serialize(after);
}

} // namespace

class DiffPropertiesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void patchRoundTrips();
    void diffIsConsistent();
};

void DiffPropertiesTest::patchRoundTrips()
{
    RandomDocuments generator(20240611);
    for (int index = 0; index < kPairs; ++index) {
        const json::Node before = generator.document();
        // Mostly edits of one document; sometimes two unrelated ones.
        const json::Node after = index % 10 == 9 ? generator.document() : generator.edited(before);
        const json::Node patch = toPatch(before, after);
        const Result<json::Node> applied = applyPatch(before, patch);
        const QByteArray context = describe(index, before, after) + "\npatch:  " + json::serialize(patch);
        if (!applied.ok())
            QFAIL((context + "\nerror: " + applied.error().text().toUtf8()).constData());
        QVERIFY2(applied.value().identical(after),
                 (context + "\ngot:    " + json::serialize(applied.value())).constData());
        if (before.identical(after))
            QVERIFY2(patch.items().isEmpty(), context.constData());
        // And backwards, through the patch's JSON text.
        const QByteArray backText = json::serialize(toPatch(after, before));
        const Result<json::Node> back = json::parse(backText);
        QVERIFY2(back.ok(), (context + "\nreverse patch: " + backText).constData());
        const Result<json::Node> restored = applyPatch(after, back.value());
        QVERIFY2(restored.ok() && restored.value().identical(before),
                 (context + "\nreverse patch: " + backText).constData());
    }
}

void DiffPropertiesTest::diffIsConsistent()
{
    RandomDocuments generator(7);
    DiffCounts seen; // over the whole corpus, to show it exercises every kind of change
    int typeChanges = 0;
    int wordDiffs = 0;
    int identityMoves = 0;
    for (int index = 0; index < kPairs; ++index) {
        auto before = std::make_shared<const json::Node>(generator.document());
        auto after =
            std::make_shared<const json::Node>(index % 10 == 9 ? generator.document() : generator.edited(*before));
        const DiffResult result = steward::diff::diff(before, after);
        const QByteArray context = describe(index, *before, *after);
        const QList<const DiffNode *> changes = result.changes();
        QVERIFY2(!result.approximate, context.constData());
        QVERIFY2(result.counts.total() == changes.size(), context.constData());
        QVERIFY2(result.root.changeCount() == result.counts.total(), context.constData());
        QVERIFY2(result.root.containsChanges == (result.counts.total() > 0), context.constData());
        QVERIFY2((result.counts.total() == 0) == before->sameValue(*after), context.constData());
        for (const DiffNode *node : changes) {
            const bool removed = node->kind == DiffNode::Kind::Removed;
            const json::Node &side = removed ? *before : *after;
            QVERIFY2(json::resolve(side, node->path) == (removed ? node->before : node->after),
                     (context + "\npath: " + node->path.toUtf8()).constData());
            if (node->kind == DiffNode::Kind::Moved)
                QVERIFY2(json::resolve(*before, node->fromPath) == node->before, context.constData());
            typeChanges += node->kind == DiffNode::Kind::TypeChanged;
            wordDiffs += !node->words.isEmpty();
            identityMoves += node->kind == DiffNode::Kind::Moved && node->key.contains(u'=');
        }
        seen.added += result.counts.added;
        seen.removed += result.counts.removed;
        seen.changed += result.counts.changed;
        seen.moved += result.counts.moved;
        seen.formattingOnly += result.counts.formattingOnly;
    }
    qInfo("corpus: %d added, %d removed, %d changed (%d type changes, %d word diffs), %d moved (%d by identity), "
          "%d formatting only",
          seen.added, seen.removed, seen.changed, typeChanges, wordDiffs, seen.moved, identityMoves,
          seen.formattingOnly);
    for (const int count : {seen.added, seen.removed, seen.changed, seen.moved, seen.formattingOnly, typeChanges,
                            wordDiffs, identityMoves})
        QVERIFY(count >= 20);
}

QTEST_GUILESS_MAIN(DiffPropertiesTest)
#include "tst_diffproperties.moc"
