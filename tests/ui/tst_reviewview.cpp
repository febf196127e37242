// The review view on its own: navigation, filters, the change list, copying pointers,
// and large payloads diffed off the GUI thread.

#include "review/DiffTreeModel.h"
#include "review/ReviewView.h"
#include "json/JsonParser.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

// An entity with `fields` members; every `stride`-th one differs in the payload.
std::pair<QByteArray, QByteArray> documents(int fields, int stride)
{
    QByteArray before = "{";
    QByteArray after = "{";
    for (int i = 0; i < fields; ++i) {
        const QByteArray key = "\"field" + QByteArray::number(i) + "\"";
        const QByteArray separator = i ? "," : "";
        before += separator + key + ":\"value " + QByteArray::number(i) + "\"";
        after += separator + key + ":\"value " + QByteArray::number(i) + (i % stride == stride - 1 ? " (new)" : "") + "\"";
    }
    return {before + "}", after + "}"};
}

// A document as the approval carries it, parsed exactly; empty text: none (a create).
std::optional<json::Node> tree(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    auto parsed = json::parse(text);
    if (!parsed)
        qFatal("test document does not parse: %s", qPrintable(parsed.error().text()));
    return parsed.value();
}

} // namespace

class TestReviewView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_view = std::make_unique<ReviewView>();
        m_view->resize(700, 300);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup() { m_view.reset(); }

    void pressingNThreeTimesSelectsTheThirdChangeAndShowsIt()
    {
        const auto [before, after] = documents(120, 20); // changes at field19, field39, field59 ...
        m_view->showChange(tree(before), *tree(after));
        QVERIFY(m_view->result());
        QCOMPARE(m_view->result()->counts.changed, 6);

        auto *tree = m_view->findChild<QTreeView *>(u"diffTreeView"_s);
        tree->setFocus();
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(tree, Qt::Key_N);
        const QModelIndex current = tree->currentIndex();
        QCOMPARE(current.data(DiffTreeModel::PathRole).toString(), u"/field59"_s);
        QVERIFY(tree->viewport()->rect().intersects(tree->visualRect(current))); // scrolled into view
        QVERIFY(m_view->findChild<QLabel *>(u"breadcrumbLabel"_s)->text().contains(u"/field59"_s));

        QTest::keyClick(tree, Qt::Key_P);
        QCOMPARE(tree->currentIndex().data(DiffTreeModel::PathRole).toString(), u"/field39"_s);

        QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"/field39"_s);
    }

    void changesOnlyHidesUnchangedRows()
    {
        const auto [before, after] = documents(30, 10);
        m_view->showChange(tree(before), *tree(after));
        auto *tree = m_view->findChild<QTreeView *>(u"diffTreeView"_s);
        QCOMPARE(tree->model()->rowCount(), 30);
        QTest::mouseClick(m_view->findChild<QCheckBox *>(u"changesOnlyCheckBox"_s), Qt::LeftButton);
        QCOMPARE(tree->model()->rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(tree->model()->index(row, DiffTreeModel::MarkColumn).data().toString(), u"~"_s);

        QTest::mouseClick(m_view->findChild<QCheckBox *>(u"changeListCheckBox"_s), Qt::LeftButton);
        auto *list = m_view->findChild<QTableView *>(u"changeListView"_s);
        QVERIFY(list->isVisible());
        QCOMPARE(list->model()->rowCount(), 3);
        QTest::keyClick(list, Qt::Key_N);
        QTest::keyClick(list, Qt::Key_N);
        QCOMPARE(list->currentIndex().row(), 1);
    }

    void countersNameEachKindOfChange()
    {
        // The payload is laid over the current state, so only array items can disappear.
        m_view->showChange(tree(R"({"a":1,"b":[{"id":1},{"id":2},{"id":3}],"c":"x"})"),
                           *tree(R"({"a":1.0,"b":[{"id":3},{"id":1}],"d":"y"})"));
        const QString counts = m_view->findChild<QLabel *>(u"diffCountsLabel"_s)->text();
        QVERIFY2(counts.contains(u"+ 1 added"_s), qPrintable(counts));
        QVERIFY2(counts.contains(u"- 1 removed"_s), qPrintable(counts));
        QVERIFY2(counts.contains(u"> 1 moved"_s), qPrintable(counts));
        // 1 and 1.0 are the same value: marked as formatting only, not counted as a change.
        auto *tree = m_view->findChild<QTreeView *>(u"diffTreeView"_s);
        QCOMPARE(tree->model()->index(0, DiffTreeModel::MarkColumn).data().toString(), u"≈"_s);
    }

    void largePayloadsAreDiffedOffTheGuiThread()
    {
        const auto [before, after] = documents(12000, 1000);
        QVERIFY(before.size() > ReviewView::kBackgroundThreshold);
        m_view->showChange(tree(before), *tree(after));
        QVERIFY(m_view->isComputing());
        QVERIFY(m_view->findChild<QLabel *>(u"diffStatusLabel"_s)->isVisible()); // "Comparing … of JSON"
        QTRY_VERIFY(!m_view->isComputing());
        QCOMPARE(m_view->result()->counts.changed, 12);

        // A newer request replaces one still computing: the stale result is dropped.
        m_view->showChange(tree(before), *tree(after));
        m_view->showChange(tree(R"({"a":1})"), *tree(R"({"a":2})"));
        QCOMPARE(m_view->result()->counts.changed, 1);
        QTest::qWait(300);
        QCOMPARE(m_view->result()->counts.changed, 1);
    }

private:
    std::unique_ptr<ReviewView> m_view;
};

QTEST_MAIN(TestReviewView)
#include "tst_reviewview.moc"
