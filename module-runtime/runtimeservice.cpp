// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtimeservice.h"

#include "io/documentfile.h"
#include "model/factory.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRuntime, "neurorack.runtime")

namespace neurorack::runtime {

RuntimeService::RuntimeService(RuntimeOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

QString RuntimeService::start()
{
    QDir data(m_options.dataDir);
    if (!data.mkpath(QStringLiteral("banks")))
        return QStringLiteral("cannot create the data folder %1").arg(data.absoluteFilePath(QStringLiteral("banks")));

    const QString bankPath = data.absoluteFilePath(QStringLiteral("banks/current.json"));
    if (QFileInfo::exists(bankPath)) {
        if (auto bank = DocumentFile::loadBank(bankPath)) {
            m_bank = std::move(bank).value();
            qCInfo(lcRuntime).noquote() << "loaded bank" << m_bank.name() << "from" << bankPath;
        } else {
            qCWarning(lcRuntime).noquote() << "the bank in" << bankPath << "is damaged; playing the factory bank:\n"
                                           << bank.errorString();
        }
    }
    if (m_bank.presetCount() == 0) {
        const auto factory = Factory::bank();
        if (!factory)
            return QStringLiteral("the built-in factory bank is damaged: %1").arg(factory.errorString());
        m_bank = *factory;
    }
    qCInfo(lcRuntime).noquote() << "ready:" << m_bank.presetCount() << "presets in bank" << m_bank.name();
    return {};
}

} // namespace neurorack::runtime
