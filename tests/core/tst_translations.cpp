// An executable finds the German translation in its installed folder (given relative to
// itself, as the package lays it out), before any copy compiled into it; with no file
// found, and in English, it speaks English. This test executable has no compiled-in
// copy, so German can only come from the folder.

#include "Tr.h"
#include "Translations.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

QString viewersCannotSubmit()
{
    return CoreTr::tr("viewers cannot submit change requests");
}

const QString kEnglish = u"viewers cannot submit change requests"_s;
const QString kGerman = u"Betrachter können keine Änderungsanträge einreichen"_s;

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void theInstalledFolderComesFirst();
    void germanComesFromTheInstalledFolder();
    void englishNeedsNoFile();
    void withoutTheFileItStaysEnglish();

private:
    QTemporaryDir m_prefix;
    QString m_installed;
};

void TranslationsTest::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    // The package's layout: share/metadata-steward/translations beside bin/.
    m_installed = m_prefix.filePath(u"share/metadata-steward/translations"_s);
    QVERIFY(QDir().mkpath(m_installed));
    QVERIFY(QDir().mkpath(m_prefix.filePath(u"bin"_s)));
    const QString built = QStringLiteral(STEWARD_TEST_QM_FILE);
    QVERIFY2(QFile::copy(built, m_installed + u"/steward_de.qm"_s), qPrintable(built));
}

void TranslationsTest::cleanup()
{
    // install() parents its translators to the application; deleting them uninstalls them.
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(viewersCannotSubmit(), kEnglish);
}

void TranslationsTest::theInstalledFolderComesFirst()
{
    const QDir executableDir(QCoreApplication::applicationDirPath());
    const QStringList path = Translations::searchPath(u"../share/metadata-steward/translations"_s);
    QCOMPARE(path.size(), 2);
    QCOMPARE(path.first(),
             QDir::cleanPath(executableDir.absolutePath() + u"/../share/metadata-steward/translations"_s));
    QCOMPARE(path.last(), u":/i18n"_s);
}

void TranslationsTest::germanComesFromTheInstalledFolder()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    // Relative to a bin/ folder, as the executables are given it; an absolute folder is
    // taken as it is, which is how this test points at its own prefix.
    const QString fromBin = QDir(QCoreApplication::applicationDirPath()).relativeFilePath(m_installed);
    Translations::install(*QCoreApplication::instance(), fromBin);
    QCOMPARE(viewersCannotSubmit(), kGerman);
}

void TranslationsTest::englishNeedsNoFile()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    Translations::install(*QCoreApplication::instance(), m_installed);
    QCOMPARE(viewersCannotSubmit(), kEnglish);
}

void TranslationsTest::withoutTheFileItStaysEnglish()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    Translations::install(*QCoreApplication::instance(), m_prefix.filePath(u"bin"_s));
    QCOMPARE(viewersCannotSubmit(), kEnglish);
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
