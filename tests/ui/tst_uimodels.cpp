// Every custom model of the widget layer under QAbstractItemModelTester, on demo data.

#include "ApprovalQueueModel.h"
#include "AuditTrailModel.h"
#include "review/DiffTreeModel.h"
#include "review/ThreeWayModel.h"
#include "json/JsonParser.h"
#include "demo/DemoCatalog.h"
#include "demo/FirstRun.h"
#include "store/ApprovalRepository.h"
#include "store/Database.h"
#include "store/EventRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QHeaderView>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;

// Fails the test when a repository write did not take.
#define STEWARD_DECIDE(expression)                                                                                     \
    do {                                                                                                               \
        auto stewardDecided = (expression);                                                                            \
        QVERIFY2(stewardDecided && stewardDecided.value(),                                                             \
                 stewardDecided ? "not pending" : qPrintable(stewardDecided.error().text()));                          \
    } while (false)

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

    void queueModelMovesOnlyTheRowsARequestChanges()
    {
        ApprovalRepository repository(*m_database);
        ApprovalQueueModel model(repository);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTenant(demo::northwindTenantId());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QTableView view;
        view.resize(800, 300);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view)); // the first page is read, the rest not
        const QUuid tenant = demo::northwindTenantId();
        const QDateTime now = QDateTime::currentDateTimeUtc();

        // A request leaves the pending queue: far below the screen, never read, and on it.
        const int pending = model.rowCount();
        ApprovalQueueModel fresh(repository);
        fresh.setTenant(tenant);
        const QUuid farBelow = fresh.approvalIdAt(pending - 10);
        QCOMPARE(model.loadedRowOf(farBelow), -1); // never read by this model
        STEWARD_DECIDE(repository.decide(tenant, farBelow, ApprovalStatus::Approved, u"tom.baker"_s, {}, now));
        model.requestChanged(farBelow);
        QCOMPARE(model.rowCount(), pending - 1);
        QVERIFY(sameAsFresh(model, repository));

        const QUuid onScreen = model.approvalIdAt(2);
        STEWARD_DECIDE(repository.decide(tenant, onScreen, ApprovalStatus::Rejected, u"tom.baker"_s, u"no"_s, now));
        model.requestChanged(onScreen);
        QCOMPARE(model.rowCount(), pending - 2);
        QVERIFY(sameAsFresh(model, repository));
        QCOMPARE(model.loadedRowOf(onScreen), -1);

        // A new request comes in where the order puts it.
        const QUuid copied = copyRequest(model.approvalIdAt(5));
        QVERIFY(!copied.isNull());
        model.requestChanged(copied);
        QCOMPARE(model.rowCount(), pending - 1);
        QVERIFY(model.loadedRowOf(copied) >= 0);
        QVERIFY(sameAsFresh(model, repository));

        // Every status shown: a decision changes the row in place ...
        ApprovalFilter all;
        model.setFilter(all);
        resets.clear();
        const int everything = model.rowCount();
        int row = 0;
        while (model.index(row, ApprovalQueueModel::StatusColumn).data().toString()
               != displayName(ApprovalStatus::Pending))
            ++row;
        const QUuid decidedHere = model.approvalIdAt(row);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        STEWARD_DECIDE(repository.decide(tenant, decidedHere, ApprovalStatus::Rejected, u"tom.baker"_s, u"no"_s, now));
        model.requestChanged(decidedHere);
        QCOMPARE(model.rowCount(), everything);
        QCOMPARE(model.loadedRowOf(decidedHere), row);
        QCOMPARE(model.index(row, ApprovalQueueModel::StatusColumn).data().toString(),
                 displayName(ApprovalStatus::Rejected));
        QCOMPARE(changed.size(), 1);

        // ... and, sorted by status, moves it where it now belongs.
        model.sort(ApprovalQueueModel::StatusColumn, Qt::AscendingOrder);
        resets.clear();
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        const QUuid mover = copyRequest(model.approvalIdAt(0));
        model.requestChanged(mover); // a new pending one first
        QVERIFY(sameAsFresh(model, repository, ApprovalQueueModel::StatusColumn));
        for (int i = 0; i < model.rowCount(); ++i)
            (void)model.approvalIdAt(i); // everything read
        STEWARD_DECIDE(repository.decide(tenant, mover, ApprovalStatus::Approved, u"tom.baker"_s, {}, now));
        model.requestChanged(mover);
        QCOMPARE(moved.size(), 1);
        QVERIFY(sameAsFresh(model, repository, ApprovalQueueModel::StatusColumn));
        QCOMPARE(resets.size(), 0);
    }

    void diffTreeModelShowsBothSidesAndHidesUnchangedOnRequest()
    {
        DiffTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto before = json::parse(R"({"label":"Amount","format":"18,2","owner":"raj",
                                      "binding":{"table":"lines","column":"amt"}})");
        auto after = json::parse(R"({"label":"Amount","format":"19,4","steward":"lena",
                                     "binding":{"table":"lines","column":"amount"}})");
        QVERIFY(before && after);
        auto result = std::make_shared<diff::DiffResult>(
            diff::diff(std::make_shared<const json::Node>(before.value()), std::make_shared<const json::Node>(after.value())));
        model.setResult(result, buildParentMap(result->root));

        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows << model.index(row, DiffTreeModel::MarkColumn).data().toString() + u' '
                        + model.index(row, DiffTreeModel::KeyColumn).data().toString();
        // Members in the order of the requested document; the removed one is shown too.
        QVERIFY2(rows.contains(u"- owner"_s), qPrintable(rows.join(u", "_s)));
        rows.removeAll(u"- owner"_s);
        QCOMPARE(rows, (QStringList{u" label"_s, u"~ format"_s, u"+ steward"_s, u" binding"_s}));
        QModelIndex binding;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, DiffTreeModel::KeyColumn).data().toString() == u"binding"_s)
                binding = model.index(row, 0);
        }
        QCOMPARE(model.rowCount(binding), 2);
        QCOMPARE(model.index(1, DiffTreeModel::MarkColumn, binding).data().toString(), u"~"_s);
        QCOMPARE(model.index(1, DiffTreeModel::BeforeColumn, binding).data().toString(), u"amt"_s);
        QCOMPARE(model.index(1, DiffTreeModel::AfterColumn, binding).data().toString(), u"amount"_s);
        QCOMPARE(model.index(1, 0, binding).data(DiffTreeModel::PathRole).toString(), u"/binding/column"_s);

        model.setChangesOnly(true);
        QCOMPARE(model.rowCount(), 4); // "label" is hidden
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, DiffTreeModel::KeyColumn).data().toString() != u"label"_s);
        for (const diff::DiffNode *change : result->changes()) {
            const QModelIndex index = model.indexOf(change);
            QVERIFY(index.isValid());
            QCOMPARE(index.data(DiffTreeModel::PathRole).toString(), change->path);
            if (change->path == u"/binding/column"_s)
                QCOMPARE(model.rowCount(index.parent()), 1); // binding/table is hidden
        }
    }

    void threeWayModelFindsConflicts()
    {
        ThreeWayModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto base = json::parse(R"({"label":"Amount","format":"18,2","owner":"raj"})");
        auto live = json::parse(R"js({"label":"Amount (EUR)","format":"18,2","owner":"lena"})js");
        auto requested = json::parse(R"({"label":"Amount","format":"19,4","owner":"amara"})");
        model.setDocuments(base.value(), live.value(), requested.value());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.conflictCount(), 1); // owner: changed live and by the request, differently
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto &line = model.rowAt(row);
            if (line.path == u"/owner"_s) {
                QVERIFY(line.conflict);
                QCOMPARE(line.live, u"lena"_s);
                QCOMPARE(line.requested, u"amara"_s);
            } else {
                QVERIFY(!line.conflict);
            }
        }
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
    // The model reads the same requests in the same order as one made from scratch.
    static bool sameAsFresh(ApprovalQueueModel &model, ApprovalRepository &repository, int sortColumn = -1)
    {
        ApprovalQueueModel fresh(repository);
        fresh.setTenant(demo::northwindTenantId());
        fresh.setFilter(model.filter());
        if (sortColumn >= 0)
            fresh.sort(sortColumn, Qt::AscendingOrder);
        if (fresh.rowCount() != model.rowCount()) {
            qWarning("%d rows, %d from scratch", model.rowCount(), fresh.rowCount());
            return false;
        }
        for (int row = 0; row < fresh.rowCount(); ++row) {
            if (fresh.approvalIdAt(row) != model.approvalIdAt(row)) {
                qWarning("row %d differs", row);
                return false;
            }
        }
        return true;
    }

    // A pending copy of a request under a new id, as another desktop would submit it.
    QUuid copyRequest(const QUuid &original)
    {
        const QUuid id = QUuid::createUuid();
        auto copied = m_database->run(
            u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_id, entity_key, tier, lane, payload, "
            u"current_state, status, requested_by, requested_at, required_role, base_version) "
            u"SELECT ?, tenant_id, entity_type, entity_id, entity_key, tier, lane, payload, current_state, "
            u"'pending', requested_by, ?, required_role, base_version FROM mdm_approval WHERE id = ?"_s,
            {uuidText(id), toIsoTimestamp(QDateTime::currentDateTimeUtc()), uuidText(original)});
        return copied ? id : QUuid();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
};

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
