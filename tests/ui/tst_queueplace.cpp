// The steward's place in the queue survives what happens elsewhere: a profile running in
// the background (its events, its alerts) and decisions by other people on other rows
// leave the selected request, the detail pane, the scroll position and the change being
// read where they were. Drives the real main window offscreen on the demo database.

#include "DemoWindow.h"
#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "profiler/ProfilerService.h"
#include "review/DiffTreeModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

// Who could decide what in the demo tenant, tried in turn for "someone else".
const QStringList kDeciders{u"jonas.weber"_s, u"lena.fischer"_s, u"tom.baker"_s, u"amara.okafor"_s};

// What the steward sees and is reading.
struct Place
{
    QUuid approvalId;
    int row = -1;
    QString title;
    int scroll = 0;
    QString changePath;
    bool operator==(const Place &other) const
    {
        return approvalId == other.approvalId && row == other.row && title == other.title && scroll == other.scroll
               && changePath == other.changePath;
    }
};

QString describe(const Place &place)
{
    return u"%1 row %2 \"%3\" scroll %4 change %5"_s.arg(place.approvalId.toString())
        .arg(place.row)
        .arg(place.title)
        .arg(place.scroll)
        .arg(place.changePath);
}

} // namespace

class TestQueuePlace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        const QString failed = m_demo.open(u"place"_s);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_context = &m_demo.context();
        m_window = &m_demo.window();
        m_queue = child<QTableView>(u"queueView"_s);
        m_tree = child<QTreeView>(u"diffTreeView"_s);
        // Every model the window shows (queue, review, change list, profiler jobs and
        // runs, audit trail, ...) checks its own contract while the tests run.
        QSet<QAbstractItemModel *> models;
        for (QAbstractItemView *view : m_window->findChildren<QAbstractItemView *>())
            models.insert(view->model());
        for (QAbstractItemModel *model : std::as_const(models))
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

    void cleanup()
    {
        m_testers.clear();
        m_demo.close();
    }

    void aBackgroundProfileLeavesTheStewardWhereTheyWere()
    {
        QVERIFY(readDeepInTheQueue());
        const Place before = place();
        QVERIFY2(before.scroll > 0, qPrintable(describe(before)));
        QVERIFY(!before.changePath.isEmpty());
        QSignalSpy queueResets(m_queue->model(), &QAbstractItemModel::modelReset);
        QSignalSpy diffResets(m_tree->model(), &QAbstractItemModel::modelReset);

        // A profile in the background, as "Profile now" on a field starts one; it
        // publishes its started and completed events and may fire or resolve alerts.
        profiler::ProfilerService &profiler = m_context->services().profiler;
        QSignalSpy finished(&profiler, &profiler::ProfilerService::jobFinished);
        QSignalSpy events(&m_context->services().bus, &EventBus::eventPublished);
        profiler.request(demo::northwindTenantId(), u"gl.journal_line.amount"_s, profiler::Trigger::Manual, true,
                         true);
        QVERIFY(finished.wait(30000));
        QTest::qWait(300); // whatever reacts to the run's events has reacted
        QVERIFY(events.size() >= 2);

        const Place after = place();
        QVERIFY2(after == before, qPrintable(describe(before) + u" became "_s + describe(after)));
        QCOMPARE(queueResets.size(), 0);
        QCOMPARE(diffResets.size(), 0);
    }

    void aDecisionOnAnotherRowMovesOnlyThatRow()
    {
        QVERIFY(readDeepInTheQueue());
        const Place before = place();
        const int rows = m_queue->model()->rowCount();
        QSignalSpy queueResets(m_queue->model(), &QAbstractItemModel::modelReset);

        // Someone else, elsewhere, rejects a request above the selected one.
        const QUuid above = m_queue->model()->index(3, 0).data(ApprovalQueueModel::ApprovalIdRole).toUuid();
        QVERIFY(rejectAsSomeoneElse(above));
        QTRY_COMPARE(m_queue->model()->rowCount(), rows - 1);

        // The same request is selected, one row higher, and nothing else moved.
        Place expected = before;
        expected.row = before.row - 1;
        const Place after = place();
        QCOMPARE(after.approvalId, expected.approvalId);
        QCOMPARE(after.row, expected.row);
        QCOMPARE(after.title, expected.title);
        QCOMPARE(after.changePath, expected.changePath);
        QVERIFY2(std::abs(after.scroll - before.scroll) <= 1,
                 qPrintable(describe(before) + u" became "_s + describe(after)));
        QCOMPARE(queueResets.size(), 0);

        // With every status shown, a decided row stays and says what became of it.
        auto *status = child<QComboBox>(u"statusFilterCombo"_s);
        status->setCurrentIndex(status->count() - 1); // "All statuses"
        QVERIFY(readDeepInTheQueue());
        const Place all = place();
        const int allRows = m_queue->model()->rowCount();
        QSignalSpy allResets(m_queue->model(), &QAbstractItemModel::modelReset);
        int pendingRow = -1;
        for (int row = 0; row < m_queue->model()->rowCount() && pendingRow < 0; ++row) {
            if (row != all.row
                && m_queue->model()->index(row, ApprovalQueueModel::StatusColumn).data().toString()
                       == displayName(ApprovalStatus::Pending))
                pendingRow = row;
        }
        QVERIFY(pendingRow >= 0);
        QVERIFY(rejectAsSomeoneElse(
            m_queue->model()->index(pendingRow, 0).data(ApprovalQueueModel::ApprovalIdRole).toUuid()));
        QTRY_COMPARE(m_queue->model()->index(pendingRow, ApprovalQueueModel::StatusColumn).data().toString(),
                     displayName(ApprovalStatus::Rejected));
        QCOMPARE(m_queue->model()->rowCount(), allRows);
        QVERIFY2(place() == all, qPrintable(describe(all) + u" became "_s + describe(place())));
        QCOMPARE(allResets.size(), 0);
    }

    void whenTheSelectedRequestIsDecidedElsewhereTheNextTakesItsPlace()
    {
        QVERIFY(readDeepInTheQueue());
        const Place before = place();
        const QUuid next =
            m_queue->model()->index(before.row + 1, 0).data(ApprovalQueueModel::ApprovalIdRole).toUuid();
        QVERIFY(rejectAsSomeoneElse(before.approvalId));
        QTRY_COMPARE(place().approvalId, next);
        QCOMPARE(place().row, before.row);
        QCOMPARE(child<QLabel>(u"detailTitleLabel"_s)->text(),
                 m_queue->model()->index(before.row, ApprovalQueueModel::KeyColumn).data().toString());
    }

private:
    template <typename T> T *child(const QString &name) const { return m_demo.child<T>(name); }

    // Selects a request well down the queue, steps to its change with "n" as a steward
    // would, then reads the row below it in the review.
    bool readDeepInTheQueue()
    {
        for (int row = 40; row < 80; ++row) {
            const QModelIndex index = m_queue->model()->index(row, ApprovalQueueModel::KeyColumn);
            m_queue->scrollTo(index, QAbstractItemView::PositionAtCenter);
            QTest::mouseClick(m_queue->viewport(), Qt::LeftButton, {}, m_queue->visualRect(index).center());
            if (m_queue->currentIndex().row() != row || m_queue->verticalScrollBar()->value() == 0)
                continue;
            if (!QTest::qWaitFor([this] { return m_tree->model()->rowCount() > 2; }, 5000))
                continue;
            m_queue->setFocus();
            QTest::keyClick(m_queue, Qt::Key_N);
            const QModelIndex change = m_tree->currentIndex();
            if (!change.isValid() || change.row() + 1 >= m_tree->model()->rowCount(change.parent()))
                continue;
            const QModelIndex below = change.sibling(change.row() + 1, 0);
            m_tree->scrollTo(below);
            QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, m_tree->visualRect(below).center());
            if (m_tree->currentIndex() == below)
                return true;
        }
        return false;
    }

    Place place() const
    {
        Place place;
        const QModelIndex current = m_queue->currentIndex();
        place.row = current.row();
        place.approvalId = current.data(ApprovalQueueModel::ApprovalIdRole).toUuid();
        place.title = child<QLabel>(u"detailTitleLabel"_s)->text();
        place.scroll = m_queue->verticalScrollBar()->value();
        place.changePath = m_tree->currentIndex().data(DiffTreeModel::PathRole).toString();
        return place;
    }

    // Rejects the request as the first demo steward who may, through the service the
    // window shares its bus with, as another desktop's decision would arrive.
    bool rejectAsSomeoneElse(const QUuid &approvalId)
    {
        for (const QString &user : kDeciders) {
            if (user == m_context->session().user().id)
                continue;
            auto rejected = m_context->services().approvals.reject(Actor{demo::northwindTenantId(), user}, approvalId,
                                                                   u"Not this quarter"_s);
            if (rejected)
                return true;
        }
        return false;
    }

    testing::DemoWindow m_demo;
    AppContext *m_context = nullptr;
    MainWindow *m_window = nullptr;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    QTableView *m_queue = nullptr;
    QTreeView *m_tree = nullptr;
};

QTEST_MAIN(TestQueuePlace)
#include "tst_queueplace.moc"
