// Every custom model of the widget layer under QAbstractItemModelTester, on demo data.

#include "ApprovalQueueModel.h"
#include "AuditTrailModel.h"
#include "SideBySideDiffModel.h"
#include "demo/DemoCatalog.h"
#include "demo/FirstRun.h"
#include "store/ApprovalRepository.h"
#include "store/Database.h"
#include "store/EventRepository.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;

class TestUiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const DatabaseUrl url = DatabaseUrl::sqlite(m_dir.filePath(u"ui.db"_s));
        auto prepared = prepareDatabase(url, true);
        QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().text()));
        auto database = Database::open(url);
        QVERIFY(database);
        m_database = std::move(database.value());
    }

    void cleanupTestCase() { m_database.reset(); }

    void queueModelPassesTheTesterThroughFiltersAndSorts()
    {
        ApprovalRepository repository(*m_database);
        ApprovalQueueModel model(repository);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTenant(demo::northwindTenantId());
        QVERIFY(model.rowCount() >= 200);
        const int pending = model.rowCount();

        for (int column = 0; column < model.columnCount(); ++column)
            model.sort(column, column % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), pending);

        ApprovalFilter kpis;
        kpis.status = ApprovalStatus::Pending;
        kpis.entityType = EntityType::Kpi;
        model.setFilter(kpis);
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < pending);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, ApprovalQueueModel::EntityTypeColumn).data().toString(), displayName(EntityType::Kpi));

        ApprovalFilter text;
        text.status = ApprovalStatus::Pending;
        text.text = u"AP_INVOICES.REGION"_s; // case-insensitive key search
        model.setFilter(text);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ApprovalQueueModel::KeyColumn).data().toString(), u"ap_invoices.region"_s);

        ApprovalFilter wildcard;
        wildcard.text = u"%"_s; // LIKE wildcards in user text match literally
        model.setFilter(wildcard);
        QCOMPARE(model.rowCount(), 0);
    }

    void queueModelLoadsOnlyThePagesTheViewShows()
    {
        ApprovalRepository repository(*m_database);
        ApprovalQueueModel model(repository);
        model.setTenant(demo::northwindTenantId());
        QVERIFY(model.rowCount() > 2 * ApprovalQueueModel::kPageSize);
        QCOMPARE(model.loadedPageCount(), 0);

        QTableView view;
        view.resize(800, 300);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(model.loadedPageCount(), 1);

        view.scrollToBottom();
        QTest::qWait(20);
        QCOMPARE(model.loadedPageCount(), 2); // the first page and the last one, not those between
    }

    void diffModelMarksEveryKindOfChange()
    {
        SideBySideDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonObject before{{u"label"_s, u"Amount"_s}, {u"format"_s, u"18,2"_s}, {u"owner"_s, u"raj"_s},
                                 {u"binding"_s, QJsonObject{{u"table"_s, u"lines"_s}, {u"column"_s, u"amt"_s}}}};
        const QJsonObject after{{u"label"_s, u"Amount"_s}, {u"format"_s, u"19,4"_s}, {u"steward"_s, u"lena"_s},
                                {u"binding"_s, QJsonObject{{u"table"_s, u"lines"_s}, {u"column"_s, u"amount"_s}}}};
        model.setComparison(before, after);
        QCOMPARE(model.counts().changed, 2);
        QCOMPARE(model.counts().added, 1);
        QCOMPARE(model.counts().removed, 1);
        QCOMPARE(model.counts().unchanged, 2);

        QStringList marks;
        for (int row = 0; row < model.rowCount(); ++row) {
            marks << model.index(row, SideBySideDiffModel::MarkColumn).data().toString() + u' '
                         + model.index(row, SideBySideDiffModel::FieldColumn).data().toString();
        }
        QVERIFY(marks.contains(u"~ format"_s));
        QVERIFY(marks.contains(u"~ binding/column"_s));
        QVERIFY(marks.contains(u"+ steward"_s));
        QVERIFY(marks.contains(u"- owner"_s));
        QVERIFY(marks.contains(u" label"_s));

        model.setComparison(std::nullopt, after); // a create: everything is added
        QCOMPARE(model.counts().added, 5);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void auditTrailShowsNewestFirstAndAppendsLive()
    {
        EventRepository events(*m_database);
        AuditTrailModel model(events);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTenant(demo::northwindTenantId());
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.eventAt(0).seq > model.eventAt(model.rowCount() - 1).seq);

        Event live = Event::make(u"approval.approved"_s, demo::northwindTenantId(), u"amara.okafor"_s,
                                 u"metadata_steward"_s, QUuid::createUuid(),
                                 {{u"entityKey"_s, u"gl.account.name"_s}}, QDateTime::currentDateTimeUtc());
        const int before = model.rowCount();
        model.append(live);
        QCOMPARE(model.rowCount(), before + 1);
        QCOMPARE(model.index(0, AuditTrailModel::TypeColumn).data().toString(), u"approval.approved"_s);
        QCOMPARE(model.index(0, AuditTrailModel::SubjectColumn).data().toString(), u"gl.account.name"_s);

        live.tenantId = demo::contosoTenantId(); // another tenant's event never shows
        model.append(live);
        QCOMPARE(model.rowCount(), before + 1);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
};

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
