#pragma once

#include <QStringList>

class QCoreApplication;

namespace steward::Translations {

// Where an executable looks for steward_<language>.qm, in order: the installed folder,
// given relative to the executable's own folder (share/metadata-steward/translations for
// bin/steward), so an installed translation is used and can be replaced or added without a
// rebuild; then the copy compiled into the executable (":/i18n"), which is all a build
// tree has.
QStringList searchPath(const QString &installedFromExecutable);

// Installs the user's language for Qt's own strings and for the project's, found on
// searchPath(). English needs no file: the sources are English.
void install(QCoreApplication &application, const QString &installedFromExecutable);

} // namespace steward::Translations
