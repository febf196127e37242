// File > Export report… on the real main window, offscreen, on a demo database: choose
// CSV and a period, export, read the file back; errors leave the disk alone; the
// choices are remembered.

#include "AppContext.h"
#include "MainWindow.h"
#include "Session.h"
#include "Settings.h"
#include "demo/DemoCatalog.h"
#include "demo/FirstRun.h"
#include "model/Approval.h"
#include "report/ExportDialog.h"
#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

// Records of an RFC 4180 text (enough of it for the report: quotes, commas, line breaks).
int csvRecordCount(const QByteArray &bytes)
{
    int records = 0;
    bool quoted = false;
    for (const char c : bytes) {
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' && !quoted)
            ++records;
    }
    return records;
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_url = DatabaseUrl::sqlite(m_dir.filePath(u"export.db"_s));
        auto prepared = prepareDatabase(m_url, true);
        QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().text()));
    }

    void init()
    {
        auto context = AppContext::open(m_url, demo::northwindTenantId(), u"amara.okafor"_s);
        QVERIFY(context);
        m_context = std::move(context.value());
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"settings.ini"_s));
        m_window = std::make_unique<MainWindow>(m_context->services(), m_context->session(), *m_settings);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_context.reset();
        m_settings.reset();
    }

    void exportingCsvWritesOneRowPerDecisionOfThePeriod()
    {
        ExportDialog *dialog = openDialog();
        QVERIFY(dialog);
        const QDate to = QDateTime::currentDateTimeUtc().date();
        const QDate from = to.addDays(-59);
        choose(dialog, u"approvals"_s, u"csv"_s, from, to);
        const QString path = m_dir.filePath(u"decisions.csv"_s);
        child<QLineEdit>(dialog, u"destinationEdit"_s)->setText(path);

        QTest::mouseClick(child<QPushButton>(dialog, u"exportButton"_s), Qt::LeftButton);
        // The click returns at once: the report is written by a job on another thread.
        QVERIFY(dialog->isRunning());
        QVERIFY(!child<QPushButton>(dialog, u"exportButton"_s)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 30000);
        QVERIFY2(child<QPushButton>(dialog, u"openReportButton"_s)->isVisible(),
                 qPrintable(child<QLabel>(dialog, u"statusLabel"_s)->text()));
        QVERIFY(child<QLabel>(dialog, u"statusLabel"_s)->text().contains(QDir::toNativeSeparators(path)));
        QCOMPARE(child<QProgressBar>(dialog, u"progressBar"_s)->value(), 100);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const int expected = decisionsBetween(from, to);
        QVERIFY(expected > 0);
        QCOMPARE(csvRecordCount(file.readAll()), expected + 1); // and the header row

        // Opening the report goes to the desktop with the file's URL.
        QUrl opened;
        dialog->setUrlOpener([&](const QUrl &url) {
            opened = url;
            return true;
        });
        QTest::mouseClick(child<QPushButton>(dialog, u"openReportButton"_s), Qt::LeftButton);
        QCOMPARE(opened, QUrl::fromLocalFile(path));

        // The choices are remembered for the next time.
        QCOMPARE(m_settings->value(Settings::Key::ExportFormat).toString(), u"csv"_s);
        QCOMPARE(m_settings->value(Settings::Key::ExportKind).toString(), u"approvals"_s);
        QCOMPARE(m_settings->value(Settings::Key::ExportPeriodDays).toInt(), 60);
        QCOMPARE(m_settings->value(Settings::Key::ExportDirectory).toString(), m_dir.path());
        QTest::mouseClick(child<QPushButton>(dialog, u"closeButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<ExportDialog *>());
        ExportDialog *again = openDialog();
        QVERIFY(again);
        QCOMPARE(child<QComboBox>(again, u"formatCombo"_s)->currentData().toString(), u"csv"_s);
        QCOMPARE(child<QDateEdit>(again, u"fromDateEdit"_s)->date(), from);
        QVERIFY(
            child<QLineEdit>(again, u"destinationEdit"_s)->text().startsWith(QDir::toNativeSeparators(m_dir.path())));
        again->close();
    }

    void anUnwritableDestinationIsRefusedAndNothingIsWritten()
    {
        ExportDialog *dialog = openDialog();
        QVERIFY(dialog);
        choose(dialog, u"quality"_s, u"pdf"_s, QDate(2025, 1, 1), QDate(2025, 1, 31));
        const QString path = m_dir.filePath(u"no-such-folder/quality.pdf"_s);
        child<QLineEdit>(dialog, u"destinationEdit"_s)->setText(path);
        QTest::mouseClick(child<QPushButton>(dialog, u"exportButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isRunning());
        QVERIFY(child<QLabel>(dialog, u"statusLabel"_s)->text().contains(u"does not exist"_s));
        QVERIFY(!child<QPushButton>(dialog, u"openReportButton"_s)->isVisible());
        QVERIFY(!QFile::exists(path));

        // A period that ends before it starts is refused before anything runs.
        choose(dialog, u"approvals"_s, u"json"_s, QDate(2025, 2, 1), QDate(2025, 1, 1));
        child<QLineEdit>(dialog, u"destinationEdit"_s)->setText(m_dir.filePath(u"backwards.json"_s));
        QTest::mouseClick(child<QPushButton>(dialog, u"exportButton"_s), Qt::LeftButton);
        QVERIFY(!dialog->isRunning());
        QVERIFY(child<QLabel>(dialog, u"statusLabel"_s)->text().contains(u"period"_s));
        QVERIFY(!QFile::exists(m_dir.filePath(u"backwards.json"_s)));
        dialog->close();
    }

private:
    ExportDialog *openDialog()
    {
        QAction *action = m_window->findChild<QAction *>(u"exportReportAction"_s);
        if (!action)
            return nullptr;
        action->trigger();
        ExportDialog *dialog = nullptr;
        (void)QTest::qWaitFor([&] {
            dialog = m_window->findChild<ExportDialog *>(u"exportDialog"_s);
            return dialog && dialog->isVisible();
        });
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    void choose(ExportDialog *dialog, const QString &kind, const QString &format, const QDate &from, const QDate &to)
    {
        auto *kinds = child<QComboBox>(dialog, u"kindCombo"_s);
        kinds->setCurrentIndex(kinds->findData(kind));
        auto *formats = child<QComboBox>(dialog, u"formatCombo"_s);
        formats->setCurrentIndex(formats->findData(format));
        child<QDateEdit>(dialog, u"fromDateEdit"_s)->setDate(from);
        child<QDateEdit>(dialog, u"toDateEdit"_s)->setDate(to);
    }

    int decisionsBetween(const QDate &from, const QDate &to)
    {
        auto query = m_context->database().run(
            u"SELECT COUNT(*) FROM mdm_approval WHERE tenant_id = ? AND status <> 'pending' "
            u"AND decided_at >= ? AND decided_at < ?"_s,
            {uuidText(demo::northwindTenantId()), from.toString(Qt::ISODate) + u"T00:00:00.000Z"_s,
             to.addDays(1).toString(Qt::ISODate) + u"T00:00:00.000Z"_s});
        return query && query.value().next() ? query.value().value(0).toInt() : -1;
    }

    template <typename T> static T *child(QObject *parent, const QString &name)
    {
        T *found = parent->findChild<T *>(name);
        if (!found)
            qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
        return found;
    }

    QTemporaryDir m_dir;
    DatabaseUrl m_url;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
