// The Quality tab of the real main window on a demo database (with its 90 days of
// profile history): the charts fill from the loaders' threads, follow a profile run
// and a decision live without reopening the tab, follow the period and the tenant,
// lead from a degradation to the field's profile, and save as PNG.

#include "AppContext.h"
#include "MainWindow.h"
#include "Session.h"
#include "Settings.h"
#include "approval/ApprovalService.h"
#include "demo/DemoCatalog.h"
#include "demo/FirstRun.h"
#include "demo/WarehouseSeeder.h"
#include "model/Approval.h"
#include "profiler/ProfilerService.h"
#include "quality/ChartPanel.h"
#include "quality/DegradationModel.h"
#include "quality/QualityPage.h"
#include "quality/QualityQueries.h"
#include "store/ApprovalRepository.h"
#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QAbstractBarSeries>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

// A tier1 field on a small table (cash_positions) without rules: half its values
// removed, it measures completeness 50, validity 100, score 75.
const QString kField = u"treasury.cash_position.balance"_s;

constexpr int kLoadTimeoutMs = 20000;

QString today()
{
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

qreal noonToday()
{
    return qreal(QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
}

} // namespace

class TestQualityPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void chartsFillAndTheTrendFollowsAProfileRun();
    void aDecisionUpdatesTheApprovalCharts();
    void periodAndTenantAreFollowed();
    void aDegradationLeadsToTheFieldsProfile();
    void everyChartSavesAsPng();
    void hoverShowsTheValues();

private:
    template <typename T> T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no widget named %s", qPrintable(name));
        return widget;
    }

    QualityPage *openQualityTab();
    QLineSeries *lineSeries(const QString &panel, const QString &name) const;
    double scalar(const QString &sql, const QVariantList &values) const;
    void halveTheFieldsValues();

    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_databasePath;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
};

void TestQualityPage::init()
{
    QVERIFY(m_dir.isValid());
    m_databasePath = m_dir.filePath(u"quality-%1.db"_s.arg(++m_run));
    const DatabaseUrl url = DatabaseUrl::sqlite(m_databasePath);
    auto prepared = prepareDatabase(url, true);
    QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().text()));
    auto context = AppContext::open(url, demo::northwindTenantId(), u"amara.okafor"_s);
    QVERIFY(context);
    m_context = std::move(context.value());
    m_settings = std::make_unique<Settings>(m_dir.filePath(u"settings-%1.ini"_s.arg(m_run)));
    m_window = std::make_unique<MainWindow>(m_context->services(), m_context->session(), *m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestQualityPage::cleanup()
{
    if (QWidget *dialog = QApplication::activeModalWidget())
        dialog->close();
    m_window.reset();
    m_context.reset();
    m_settings.reset();
}

QualityPage *TestQualityPage::openQualityTab()
{
    auto *page = child<QualityPage>(u"qualityPage"_s);
    child<QTabWidget>(u"mainTabs"_s)->setCurrentWidget(page);
    if (!QTest::qWaitFor([page] { return page->updateCount() > 0; }, kLoadTimeoutMs))
        qWarning("the Quality page did not load");
    return page;
}

QLineSeries *TestQualityPage::lineSeries(const QString &panel, const QString &name) const
{
    auto *page = child<QualityPage>(u"qualityPage"_s);
    const auto all = page->panel(panel)->chart()->series();
    for (QAbstractSeries *series : all) {
        if (series->objectName() == name)
            return qobject_cast<QLineSeries *>(series);
    }
    return nullptr;
}

double TestQualityPage::scalar(const QString &sql, const QVariantList &values) const
{
    auto query = m_context->database().run(sql, values);
    return query && query.value().next() ? query.value().value(0).toDouble() : -1;
}

void TestQualityPage::halveTheFieldsValues()
{
    const QString name = u"quality-test-warehouse"_s;
    {
        QSqlDatabase warehouse = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        warehouse.setDatabaseName(WarehouseSeeder::pathBeside(m_databasePath));
        QVERIFY(warehouse.open());
        QSqlQuery update(warehouse);
        QVERIFY2(update.exec(u"UPDATE cash_positions SET balance = NULL WHERE rowid % 2 = 0"_s),
                 qPrintable(update.lastError().text()));
        QVERIFY(update.numRowsAffected() > 0);
        warehouse.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestQualityPage::chartsFillAndTheTrendFollowsAProfileRun()
{
    QualityPage *page = openQualityTab();
    QVERIFY(page->updateCount() > 0);
    QCOMPARE(page->periodDays(), 90);
    // Every chart has figures from the history (none shows its "nothing yet" note).
    for (const QString &name : {u"tierTrend"_s, u"fieldTrend"_s, u"distribution"_s, u"runsPerDay"_s,
                                u"durations"_s, u"pending"_s, u"decisions"_s}) {
        QVERIFY2(!page->panel(name)->isEmpty(), qPrintable(name));
        QVERIFY2(!page->panel(name)->chart()->series().isEmpty(), qPrintable(name));
    }
    QVERIFY(lineSeries(u"tierTrend"_s, u"thresholdSeries"_s));

    // Pick the field with the keyboard: type its key in the searchable selector.
    auto *fields = child<QComboBox>(u"fieldCombo"_s);
    QVERIFY(fields->findText(kField) >= 0);
    int updates = page->updateCount();
    fields->lineEdit()->selectAll();
    QTest::keyClicks(fields->lineEdit(), kField);
    QTest::keyClick(fields->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(page->updateCount() > updates, kLoadTimeoutMs);
    QCOMPARE(page->selectedField(), kField);
    for (const QString &name : {u"fieldScoreSeries"_s, u"fieldCompletenessSeries"_s, u"fieldUniquenessSeries"_s,
                                u"fieldValiditySeries"_s})
        QVERIFY2(lineSeries(u"fieldTrend"_s, name), qPrintable(name));

    // What the tier1 line and the field's line show for today before the run.
    const auto todaysPoint = [](QLineSeries *series) -> std::optional<QPointF> {
        if (!series || series->count() == 0 || qAbs(series->at(series->count() - 1).x() - noonToday()) > 1)
            return std::nullopt;
        return series->at(series->count() - 1);
    };
    QLineSeries *tier1 = lineSeries(u"tierTrend"_s, u"tier1Series"_s);
    QVERIFY(tier1);
    const int tierPointsBefore = tier1->count();
    const bool tierHadToday = todaysPoint(tier1).has_value();
    QLineSeries *score = lineSeries(u"fieldTrend"_s, u"fieldScoreSeries"_s);
    const int fieldPointsBefore = score->count();
    const bool fieldHadToday = todaysPoint(score).has_value();
    const QString tenant = uuidText(demo::northwindTenantId());
    const QString tier1Today = u"SELECT AVG(quality_score) FROM mdm_profile WHERE tenant_id = ? AND tier = 'tier1' "
                               u"AND status = 'completed' AND substr(created_at, 1, 10) = ?"_s;
    if (tierHadToday)
        QVERIFY(qAbs(todaysPoint(tier1)->y() - scalar(tier1Today, {tenant, today()})) < 1e-6);

    // A real profile run on the real worker, with the Quality tab left open.
    halveTheFieldsValues();
    QSignalSpy finished(&m_context->services().profiler, &profiler::ProfilerService::jobFinished);
    updates = page->updateCount();
    m_context->services().profiler.request(demo::northwindTenantId(), kField, profiler::Trigger::Manual, true, true);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kLoadTimeoutMs);
    const auto run = finished.constFirst().at(1).value<profiler::ProfileRun>();
    QVERIFY2(run.status == profiler::RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(*run.metrics.qualityScore, 75.0);

    // The page reads again by itself: the tier1 line's point for today is today's
    // average including the new 75 (a new point if the tier had none today yet), and
    // the field's line ends in today's average of its runs.
    QTRY_VERIFY_WITH_TIMEOUT(page->updateCount() > updates, kLoadTimeoutMs);
    tier1 = lineSeries(u"tierTrend"_s, u"tier1Series"_s);
    const double expectedTier = scalar(tier1Today, {tenant, today()});
    QTRY_VERIFY_WITH_TIMEOUT(todaysPoint(lineSeries(u"tierTrend"_s, u"tier1Series"_s))
                                 && qAbs(todaysPoint(lineSeries(u"tierTrend"_s, u"tier1Series"_s))->y() - expectedTier)
                                        < 1e-6,
                             kLoadTimeoutMs);
    tier1 = lineSeries(u"tierTrend"_s, u"tier1Series"_s);
    QCOMPARE(tier1->count(), tierPointsBefore + (tierHadToday ? 0 : 1));

    const double expectedField =
        scalar(u"SELECT AVG(quality_score) FROM mdm_profile WHERE tenant_id = ? AND canonical_key = ? "
               u"AND status = 'completed' AND substr(created_at, 1, 10) = ?"_s,
               {tenant, kField, today()});
    QVERIFY(expectedField < 99); // the 75 is in it
    score = lineSeries(u"fieldTrend"_s, u"fieldScoreSeries"_s);
    QVERIFY(todaysPoint(score));
    QVERIFY(qAbs(todaysPoint(score)->y() - expectedField) < 1e-6);
    QCOMPARE(score->count(), fieldPointsBefore + (fieldHadToday ? 0 : 1));
    QCOMPARE(child<QComboBox>(u"fieldCombo"_s)->currentText(), kField); // the selection survived the reload
}

void TestQualityPage::aDecisionUpdatesTheApprovalCharts()
{
    QualityPage *page = openQualityTab();
    const auto pendingTotal = [page] {
        int total = 0;
        const auto all = page->panel(u"pending"_s)->chart()->series();
        for (QAbstractSeries *series : all) {
            if (auto *bars = qobject_cast<QStackedBarSeries *>(series)) {
                for (QBarSet *set : bars->barSets())
                    total += int(set->sum());
            }
        }
        return total;
    };
    ApprovalFilter filter;
    filter.status = ApprovalStatus::Pending;
    auto count = m_context->services().approvalRepository.count(demo::northwindTenantId(), filter);
    QVERIFY(count);
    QCOMPARE(pendingTotal(), count.value());

    // A decision by someone else (another service, same bus): the queue shrinks on the page.
    auto pending = m_context->services().approvalRepository.list(demo::northwindTenantId(), filter, {}, 0, 20);
    QVERIFY(pending && !pending.value().isEmpty());
    std::optional<Approval> decidable;
    for (const Approval &approval : pending.value()) {
        if (approval.requiredRole == Role::MetadataSteward && approval.requestedBy != u"jonas.weber"_s) {
            decidable = approval;
            break;
        }
    }
    QVERIFY(decidable);
    const int updates = page->updateCount();
    auto rejected = m_context->services().approvals.reject(Actor{demo::northwindTenantId(), u"jonas.weber"_s},
                                                            decidable->id, u"Not needed"_s);
    QVERIFY2(rejected, rejected ? "" : qPrintable(rejected.error().text()));
    QTRY_VERIFY_WITH_TIMEOUT(page->updateCount() > updates, kLoadTimeoutMs);
    QCOMPARE(pendingTotal(), count.value() - 1);
    QVERIFY(child<QLabel>(u"decisionTimeLabel"_s)->text().contains(QString::number(count.value() - 1)));
}

void TestQualityPage::periodAndTenantAreFollowed()
{
    QualityPage *page = openQualityTab();
    const auto axisDays = [page] {
        const auto axes = page->panel(u"tierTrend"_s)->chart()->axes(Qt::Horizontal);
        auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.constFirst());
        return axis ? axis->min().daysTo(axis->max()) : -1;
    };
    QCOMPARE(axisDays(), 90);

    // The period: the keyboard way, through the combo.
    int updates = page->updateCount();
    auto *period = child<QComboBox>(u"periodCombo"_s);
    period->setFocus();
    QTest::keyClick(period, Qt::Key_Up);
    QTRY_VERIFY_WITH_TIMEOUT(page->updateCount() > updates, kLoadTimeoutMs);
    QCOMPARE(page->periodDays(), 30);
    QCOMPARE(axisDays(), 30);

    // The tenant: Contoso's own (proposed, tier3) fields, nothing of Northwind's.
    updates = page->updateCount();
    auto *tenants = child<QComboBox>(u"tenantCombo"_s);
    const int contoso = tenants->findData(demo::contosoTenantId());
    QVERIFY(contoso >= 0);
    tenants->setCurrentIndex(contoso);
    Q_EMIT tenants->activated(contoso);
    QTRY_VERIFY_WITH_TIMEOUT(page->updateCount() > updates, kLoadTimeoutMs);
    auto *fields = child<QComboBox>(u"fieldCombo"_s);
    QVERIFY(fields->count() > 0);
    for (int i = 0; i < fields->count(); ++i)
        QVERIFY2(fields->itemText(i).startsWith(u"retail."_s), qPrintable(fields->itemText(i)));
    QVERIFY(page->selectedField().startsWith(u"retail."_s));
    QStringList tiers;
    for (QAbstractSeries *series : page->panel(u"tierTrend"_s)->chart()->series()) {
        if (series->objectName() != u"thresholdSeries"_s)
            tiers.append(series->objectName());
    }
    QCOMPARE(tiers, QStringList{u"tier3Series"_s});
}

void TestQualityPage::aDegradationLeadsToTheFieldsProfile()
{
    QualityPage *page = openQualityTab();
    auto *view = child<QTableView>(u"degradationsView"_s);
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(view->model()->rowCount() >= 3); // the demo's fresh drops
    // The rows are the query's, newest first.
    auto drops = quality::QualityQueries(m_context->database())
                     .recentDegradations(demo::northwindTenantId(),
                                         quality::Period::lastDays(90, QDateTime::currentDateTimeUtc()));
    QVERIFY(drops);
    QCOMPARE(view->model()->rowCount(), int(drops.value().size()));
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const quality::Degradation &drop = drops.value().at(row);
        QCOMPARE(view->model()->index(row, DegradationModel::FieldColumn).data().toString(), drop.canonicalKey);
        QVERIFY(drop.drop() > 10);
        if (row > 0)
            QVERIFY(drops.value().at(row - 1).at >= drop.at);
    }
    QCOMPARE(view->model()->index(0, DegradationModel::FieldColumn).data().toString(), u"ap.invoice.due_date"_s);

    // A reload resets the model under the tester.
    int updates = page->updateCount();
    page->reload();
    QTRY_VERIFY_WITH_TIMEOUT(page->updateCount() > updates, kLoadTimeoutMs);

    // Enter on a row shows that field on the Profiler tab.
    view->setFocus();
    view->setCurrentIndex(view->model()->index(1, DegradationModel::FieldColumn));
    const QString key = view->model()->index(1, DegradationModel::FieldColumn).data().toString();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(child<QTabWidget>(u"mainTabs"_s)->currentWidget()->objectName(), u"profilerPage"_s);
    QCOMPARE(child<QLineEdit>(u"profileFieldEdit"_s)->text(), key);
}

void TestQualityPage::everyChartSavesAsPng()
{
    QualityPage *page = openQualityTab();
    const QStringList charts{u"tierTrend"_s, u"fieldTrend"_s, u"distribution"_s, u"runsPerDay"_s,
                             u"durations"_s,  u"pending"_s,    u"decisions"_s};
    for (const QString &name : charts) {
        const QString path = m_dir.filePath(u"%1-%2.png"_s.arg(name).arg(m_run));
        QCOMPARE(page->panel(name)->saveImage(path), QString());
        QImage image(path);
        QVERIFY2(!image.isNull() && image.width() > 100 && image.height() > 100, qPrintable(name));
    }
    // A folder that does not exist: a reason, no file.
    QVERIFY(!page->panel(u"tierTrend"_s)->saveImage(m_dir.filePath(u"missing/chart.png"_s)).isEmpty());

    // The way a steward does it: the button, a file dialog that does not block, a name.
    ChartPanel *panel = page->panel(u"tierTrend"_s);
    QSignalSpy saved(panel, &ChartPanel::saved);
    QTest::mouseClick(child<QWidget>(u"tierTrendSaveButton"_s), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<QFileDialog *>(u"saveChartDialog"_s)) && dialog->isVisible());
    const QString path = m_dir.filePath(u"chosen-%1.png"_s.arg(m_run));
    dialog->selectFile(path);
    QVERIFY(QMetaObject::invokeMethod(dialog, "accept")); // what OK does
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.constFirst().at(0).toString(), path);
    QVERIFY(!QImage(path).isNull());
}

void TestQualityPage::hoverShowsTheValues()
{
    QualityPage *page = openQualityTab();
    child<QTabWidget>(u"qualitySectionTabs"_s)->setCurrentIndex(1); // profiler performance
    QChartView *view = page->panel(u"durations"_s)->view();
    QTRY_VERIFY(view->isVisible());
    QChart *chart = view->chart();
    // The tallest bar of the histogram, at half its height.
    auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().constFirst());
    QVERIFY(series);
    QBarSet *set = series->barSets().constFirst();
    int tallest = 0;
    for (int i = 1; i < set->count(); ++i) {
        if (set->at(i) > set->at(tallest))
            tallest = i;
    }
    const QPointF inChart = chart->mapToPosition(QPointF(tallest, set->at(tallest) / 2), series);
    const QPoint inView = view->mapFromScene(chart->mapToScene(inChart));
    QTest::mouseMove(view->viewport(), inView - QPoint(3, 3));
    QTest::mouseMove(view->viewport(), inView);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(u"run"_s), qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().contains(QString::number(int(set->at(tallest)))), qPrintable(QToolTip::text()));
}

QTEST_MAIN(TestQualityPage)
#include "tst_qualitypage.moc"
