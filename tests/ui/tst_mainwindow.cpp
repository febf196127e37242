// Drives the real main window offscreen on a demo database: select, decide, watch the
// queue and the audit trail react, as a steward would.

#include "AuditTrailModel.h"
#include "DemoWindow.h"
#include "review/DiffTreeModel.h"
#include "approval/ApprovalService.h"
#include "store/ApprovalRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QTextBrowser>
#include <QTreeView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        const QString failed = m_demo.open(u"window"_s);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_context = &m_demo.context();
        m_settings = &m_demo.settings();
        m_window = &m_demo.window();
    }

    void cleanup() { m_demo.close(); }

    void approvingTheFirstPendingRequestShrinksTheQueue()
    {
        QTableView *queue = child<QTableView>(u"queueView"_s);
        const int before = queue->model()->rowCount();
        QVERIFY(before >= 200);

        const int row = selectFirstDecidableRow();
        QVERIFY(row >= 0);
        const QString key = queue->model()->index(row, ApprovalQueueModel::KeyColumn).data().toString();
        QCOMPARE(child<QLabel>(u"detailTitleLabel"_s)->text(), key);

        QTest::mouseClick(child<QPushButton>(u"approveButton"_s), Qt::LeftButton);
        QWidget *dialog = openDialog();
        QVERIFY(dialog);
        auto *confirm = dialog->findChild<QPushButton *>(u"confirmDecisionButton"_s);
        QVERIFY(confirm->isEnabled()); // a reason is optional when approving
        QTest::mouseClick(confirm, Qt::LeftButton);

        QTRY_COMPARE(queue->model()->rowCount(), before - 1);
        QVERIFY(child<QLabel>(u"pendingCountLabel"_s)->text().contains(QString::number(before - 1)));
        // The next request is selected, in the place of the decided one.
        QTRY_VERIFY(queue->currentIndex().isValid());
        QCOMPARE(queue->currentIndex().row(), row);
        QVERIFY(child<QLabel>(u"detailTitleLabel"_s)->text() != u"No request selected"_s);

        child<QTabWidget>(u"mainTabs"_s)->setCurrentIndex(1);
        QTableView *audit = child<QTableView>(u"auditTrailView"_s);
        // Newest first; the profile the approval queued may already have reported after it.
        const auto approvedRow = [audit] {
            for (int line = 0; line < std::min(5, audit->model()->rowCount()); ++line) {
                if (audit->model()->index(line, AuditTrailModel::TypeColumn).data().toString() == u"approval.approved"_s)
                    return line;
            }
            return -1;
        };
        QTRY_VERIFY(approvedRow() >= 0);
        const int approved = approvedRow();
        QCOMPARE(audit->model()->index(approved, AuditTrailModel::SubjectColumn).data().toString(), key);
        QCOMPARE(audit->model()->index(approved, AuditTrailModel::ActorColumn).data().toString(), u"amara.okafor"_s);
    }

    void rejectingWithoutAReasonIsImpossible()
    {
        QTableView *queue = child<QTableView>(u"queueView"_s);
        const int before = queue->model()->rowCount();
        QVERIFY(selectFirstDecidableRow() >= 0);

        QTest::keyClick(m_window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QWidget *dialog = openDialog();
        QVERIFY(dialog);
        auto *confirm = dialog->findChild<QPushButton *>(u"confirmDecisionButton"_s);
        auto *reason = dialog->findChild<QPlainTextEdit *>(u"reasonEdit"_s);
        QVERIFY(!confirm->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"reasonHintLabel"_s)->isVisible());

        QTest::keyClicks(reason, u"   "_s);
        QVERIFY(!confirm->isEnabled()); // whitespace is no reason
        QTest::keyClick(dialog, Qt::Key_Return);
        QCOMPARE(queue->model()->rowCount(), before); // Enter does not slip past the rule

        QTest::keyClicks(reason, u"Duplicates gl.account.name"_s);
        QVERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE(queue->model()->rowCount(), before - 1);

        QTableView *audit = child<QTableView>(u"auditTrailView"_s);
        QTRY_COMPARE(audit->model()->index(0, AuditTrailModel::TypeColumn).data().toString(), u"approval.rejected"_s);
    }

    void ownRequestsAndViewersCannotDecide()
    {
        QTableView *queue = child<QTableView>(u"queueView"_s);
        queue->setCurrentIndex(queue->model()->index(0, ApprovalQueueModel::KeyColumn));
        const QString requester = queue->model()->index(0, ApprovalQueueModel::RequestedByColumn).data().toString();

        auto *users = child<QComboBox>(u"userSwitcherCombo"_s);
        switchUser(users, requester);
        queue->setCurrentIndex(queue->model()->index(0, ApprovalQueueModel::KeyColumn));
        auto *approve = child<QPushButton>(u"approveButton"_s);
        QVERIFY(!approve->isEnabled());
        QVERIFY(!child<QPushButton>(u"rejectButton"_s)->isEnabled());
        QVERIFY2(approve->toolTip().contains(u"four-eyes"_s) || approve->toolTip().contains(u"role"_s),
                 qPrintable(approve->toolTip()));
        QVERIFY(child<QPushButton>(u"cancelRequestButton"_s)->isVisible()); // but they may withdraw it

        switchUser(users, u"mei.chen"_s); // a viewer
        QVERIFY(m_window->windowTitle().contains(u"Mei Chen"_s));
        QCOMPARE(m_settings->value(Settings::Key::LastUser).toString(), u"mei.chen"_s); // remembered for next start
        queue->setCurrentIndex(queue->model()->index(0, ApprovalQueueModel::KeyColumn));
        QVERIFY(!approve->isEnabled());
        QVERIFY(approve->toolTip().contains(u"role"_s));
        QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!openDialog()); // the shortcut respects the rule too
    }

    void filtersNarrowTheQueue()
    {
        QTableView *queue = child<QTableView>(u"queueView"_s);
        const int all = queue->model()->rowCount();
        auto *types = child<QComboBox>(u"entityTypeFilterCombo"_s);
        types->setCurrentIndex(types->findData(u"GLOSSARY"_s));
        QVERIFY(queue->model()->rowCount() > 0);
        QVERIFY(queue->model()->rowCount() < all);
        auto *search = child<QLineEdit>(u"searchEdit"_s);
        QTest::keyClicks(search, u"term.accrual"_s);
        QTRY_VERIFY(queue->model()->rowCount() <= 10);
        for (int row = 0; row < queue->model()->rowCount(); ++row)
            QCOMPARE(queue->model()->index(row, ApprovalQueueModel::KeyColumn).data().toString(), u"term.accrual"_s);
    }

    void reviewingARequestWithNAndChangesOnly()
    {
        auto *search = child<QLineEdit>(u"searchEdit"_s);
        QTest::keyClicks(search, u"ap_invoices.region"_s); // a new field: every member is an addition
        QTableView *queue = child<QTableView>(u"queueView"_s);
        QTRY_COMPARE(queue->model()->rowCount(), 1);
        QTest::mouseClick(queue->viewport(), Qt::LeftButton, {},
                          queue->visualRect(queue->model()->index(0, ApprovalQueueModel::KeyColumn)).center());

        auto *tree = child<QTreeView>(u"diffTreeView"_s);
        QTRY_VERIFY(tree->model()->rowCount() > 3);
        queue->setFocus();
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(queue, Qt::Key_N); // works from the queue: no need to click into the diff
        const QModelIndex current = tree->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.row(), 2); // the third field of the request, in the order it was written
        QCOMPARE(current.data(DiffTreeModel::PathRole).toString(), u"/description"_s);
        QCOMPARE(current.siblingAtColumn(DiffTreeModel::MarkColumn).data().toString(), u"+"_s);
        QVERIFY(tree->viewport()->rect().intersects(tree->visualRect(current)));
        QCOMPARE(queue->model()->rowCount(), 1); // and the queue did not move

        // An update: "changes only" hides the fields it leaves alone.
        search->clear();
        QTest::keyClicks(search, u"gl.journal_line.amount"_s);
        QTRY_VERIFY(queue->model()->index(0, ApprovalQueueModel::KeyColumn).data().toString().startsWith(
            u"gl.journal_line.amount"_s));
        QTest::mouseClick(queue->viewport(), Qt::LeftButton, {},
                          queue->visualRect(queue->model()->index(0, ApprovalQueueModel::KeyColumn)).center());
        QTRY_VERIFY(tree->model()->rowCount() > 5);
        const int all = tree->model()->rowCount();
        QTest::mouseClick(child<QCheckBox>(u"changesOnlyCheckBox"_s), Qt::LeftButton);
        QVERIFY(tree->model()->rowCount() < all);
        for (int row = 0; row < tree->model()->rowCount(); ++row)
            QVERIFY(tree->model()->index(row, 0).data(DiffTreeModel::ContainsChangesRole).toBool());
    }

    void aStaleRequestShowsThreeWaysAndCannotBeApproved()
    {
        // Two pending requests change the same field; approving one makes the other stale.
        ApprovalFilter filter;
        filter.status = ApprovalStatus::Pending;
        filter.text = u"ap.invoice.gross_amount"_s;
        auto pending = m_context->services().approvalRepository.list(demo::northwindTenantId(), filter, {}, 0, 10);
        QVERIFY(pending && pending.value().size() >= 2);
        const Approval first = pending.value().at(0);
        const QString approver = first.requestedBy == u"tom.baker"_s ? u"amara.okafor"_s : u"tom.baker"_s;
        auto approved = m_context->services().approvals.approve(Actor{demo::northwindTenantId(), approver}, first.id);
        QVERIFY2(approved, approved ? "" : qPrintable(approved.error().text()));

        QTest::keyClicks(child<QLineEdit>(u"searchEdit"_s), u"ap.invoice.gross_amount"_s);
        QTableView *queue = child<QTableView>(u"queueView"_s);
        QTRY_COMPARE(queue->model()->rowCount(), int(pending.value().size()) - 1);
        queue->setCurrentIndex(queue->model()->index(0, ApprovalQueueModel::KeyColumn));

        QVERIFY(child<QLabel>(u"staleWarningLabel"_s)->isVisible());
        auto *approve = child<QPushButton>(u"approveButton"_s);
        QVERIFY(!approve->isEnabled());
        QVERIFY2(approve->toolTip().contains(u"changed since the request was made"_s), qPrintable(approve->toolTip()));
        QVERIFY(child<QPushButton>(u"rejectButton"_s)->isEnabled()); // it can still be sent back

        auto *tabs = child<QTabWidget>(u"reviewTabs"_s);
        QVERIFY(tabs->isTabEnabled(1));
        tabs->setCurrentIndex(1);
        QTableView *threeWay = child<QTableView>(u"threeWayView"_s);
        QVERIFY(threeWay->model()->rowCount() > 0);
        QStringList paths;
        for (int row = 0; row < threeWay->model()->rowCount(); ++row)
            paths << threeWay->model()->index(row, 1).data().toString();
        QVERIFY2(paths.contains(u"/description"_s), qPrintable(paths.join(u", "_s))); // what the approved change did
    }

    void profilingAFieldFromTheProfilerPage()
    {
        child<QTabWidget>(u"mainTabs"_s)->setCurrentIndex(2);
        QTest::keyClicks(child<QLineEdit>(u"profileFieldEdit"_s), u"gl.journal_line.amount"_s);
        QTest::mouseClick(child<QPushButton>(u"profileNowButton"_s), Qt::LeftButton);

        QTableView *runs = child<QTableView>(u"recentRunsView"_s);
        QTRY_VERIFY_WITH_TIMEOUT(runs->model()->rowCount() > 0
                                     && runs->model()->index(0, 0).data().toString() == u"gl.journal_line.amount"_s,
                                 30000);
        QCOMPARE(runs->model()->index(0, 1).data().toString(), u"Completed"_s);
        QVERIFY(!runs->model()->index(0, 3).data().toString().isEmpty()); // a grade
        runs->setCurrentIndex(runs->model()->index(0, 0));
        QVERIFY(child<QTextBrowser>(u"runDetailsView"_s)->toPlainText().contains(u"rule.gl.amount_precision"_s));

        // The approval detail pane shows the field's latest score.
        child<QTabWidget>(u"mainTabs"_s)->setCurrentIndex(0);
        QTest::keyClicks(child<QLineEdit>(u"searchEdit"_s), u"gl.journal_line.amount"_s);
        QTableView *queue = child<QTableView>(u"queueView"_s);
        const auto rowOfField = [queue] {
            for (int row = 0; row < queue->model()->rowCount(); ++row) {
                if (queue->model()->index(row, ApprovalQueueModel::KeyColumn).data().toString()
                    == u"gl.journal_line.amount"_s)
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY(rowOfField() >= 0);
        queue->setCurrentIndex(queue->model()->index(rowOfField(), ApprovalQueueModel::KeyColumn));
        const QString quality = child<QLabel>(u"qualityLabel"_s)->text();
        QVERIFY2(quality.contains(u"profiled"_s), qPrintable(quality));

        // An unknown key is refused with a clear message and queues nothing.
        child<QTabWidget>(u"mainTabs"_s)->setCurrentIndex(2);
        auto *field = child<QLineEdit>(u"profileFieldEdit"_s);
        field->clear();
        QTest::keyClicks(field, u"no.such.field"_s);
        QTest::mouseClick(child<QPushButton>(u"profileNowButton"_s), Qt::LeftButton);
        QVERIFY(child<QLabel>(u"errorBanner"_s)->text().contains(u"no.such.field"_s));
        QCOMPARE(child<QTableView>(u"jobQueueView"_s)->model()->rowCount(), 0);
    }

private:
    template <typename T> T *child(const QString &name) const { return m_demo.child<T>(name); }

    QWidget *openDialog() const
    {
        QWidget *dialog = m_window->findChild<QWidget *>(u"decisionDialog"_s);
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    void switchUser(QComboBox *users, const QString &userId)
    {
        const int index = users->findData(userId);
        QVERIFY2(index >= 0, qPrintable(userId));
        users->setCurrentIndex(index);
        Q_EMIT users->activated(index);
    }

    int selectFirstDecidableRow() { return m_demo.selectFirstDecidableRow(); }

    testing::DemoWindow m_demo;
    AppContext *m_context = nullptr;
    Settings *m_settings = nullptr;
    MainWindow *m_window = nullptr;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
