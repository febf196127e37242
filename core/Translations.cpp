#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

using namespace Qt::StringLiterals;

namespace steward::Translations {
namespace {

bool installFrom(QCoreApplication &application, const QString &name, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>(&application);
    if (!translator->load(QLocale(), name, u"_"_s, directory))
        return false;
    QCoreApplication::installTranslator(translator.release());
    return true;
}

} // namespace

QStringList searchPath(const QString &installedFromExecutable)
{
    const QDir executableDir(QCoreApplication::applicationDirPath());
    return {QDir::cleanPath(executableDir.filePath(installedFromExecutable)), u":/i18n"_s};
}

void install(QCoreApplication &application, const QString &installedFromExecutable)
{
    installFrom(application, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    for (const QString &directory : searchPath(installedFromExecutable)) {
        if (installFrom(application, u"steward"_s, directory))
            return;
    }
}

} // namespace steward::Translations
