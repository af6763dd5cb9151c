// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace neurorack::runtime {

namespace {
const QString kFormat = QStringLiteral("neurorack.runtime-settings");
constexpr int kVersion = 1;
constexpr double kMaxGain = 10.0;
constexpr double kMaxOffset = 12.0;

/// A plain file name: no folders, nothing hidden.
bool isPlainFileName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._ -]{0,127}$"));
    return pattern.match(name).hasMatch() && !name.contains(QStringLiteral(".."));
}

QJsonArray calibrationArray(const auto &inputs)
{
    QJsonArray array;
    for (const auto &c : inputs)
        array.append(QJsonObject{{QStringLiteral("gain"), c.gain}, {QStringLiteral("offset"), c.offset}});
    return array;
}
}

QByteArray Settings::toJson() const
{
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("bank"), bank},
        {QStringLiteral("slot"), slot},
        {QStringLiteral("model"), model},
        {QStringLiteral("volume_db"), volumeDb},
        {QStringLiteral("calibration"), QJsonObject{{QStringLiteral("cv"), calibrationArray(cv)},
                                                    {QStringLiteral("gates"), calibrationArray(gates)}}},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<Settings> Settings::fromJson(const QByteArray &bytes)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<Settings>::failure({}, QStringLiteral("not JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return Result<Settings>::failure({}, QStringLiteral("expected a JSON object"));
    const QJsonObject root = document.object();
    FieldErrors errors;
    auto fail = [&](const QString &path, const QString &message) { errors.append({path, message}); };

    if (root.value(QStringLiteral("format")).toString() != kFormat)
        fail(QStringLiteral("format"), QStringLiteral("expected \"%1\"").arg(kFormat));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1)
        fail(QStringLiteral("version"), QStringLiteral("expected a version number"));
    else if (version.toDouble() > kVersion)
        fail(QStringLiteral("version"), QStringLiteral("version %1 was made by a newer Neurorack").arg(version.toDouble()));
    static const QStringList known{QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("bank"), QStringLiteral("slot"),
                                   QStringLiteral("model"), QStringLiteral("volume_db"), QStringLiteral("calibration")};
    for (const QString &key : root.keys()) {
        if (!known.contains(key))
            fail(key, QStringLiteral("unknown field"));
    }

    Settings s;
    auto fileName = [&](const QString &key, QString *out) {
        const QString name = root.value(key).toString();
        if (!isPlainFileName(name))
            fail(key, QStringLiteral("expected a file name without folders"));
        else
            *out = name;
    };
    fileName(QStringLiteral("bank"), &s.bank);
    fileName(QStringLiteral("model"), &s.model);
    const double slot = root.value(QStringLiteral("slot")).toDouble(-1);
    if (slot != std::floor(slot) || slot < 0 || slot > 127)
        fail(QStringLiteral("slot"), QStringLiteral("expected a slot number from 0 to 127"));
    else
        s.slot = static_cast<int>(slot);
    const QJsonValue volume = root.value(QStringLiteral("volume_db"));
    if (!volume.isDouble() || volume.toDouble() < kMinVolumeDb || volume.toDouble() > kMaxVolumeDb)
        fail(QStringLiteral("volume_db"), QStringLiteral("expected a number from %1 to %2").arg(kMinVolumeDb).arg(kMaxVolumeDb));
    else
        s.volumeDb = volume.toDouble();

    const QJsonObject calibration = root.value(QStringLiteral("calibration")).toObject();
    auto inputs = [&](const QString &key, auto &out) {
        const QJsonArray array = calibration.value(key).toArray();
        const QString path = QStringLiteral("calibration.") + key;
        if (array.size() != static_cast<qsizetype>(out.size())) {
            fail(path, QStringLiteral("expected %1 inputs").arg(out.size()));
            return;
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject c = array.at(i).toObject();
            const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
            const QJsonValue gain = c.value(QStringLiteral("gain"));
            const QJsonValue offset = c.value(QStringLiteral("offset"));
            if (!gain.isDouble() || gain.toDouble() <= 0 || gain.toDouble() > kMaxGain)
                fail(at + QStringLiteral(".gain"), QStringLiteral("expected a number above 0, at most %1").arg(kMaxGain));
            else if (!offset.isDouble() || std::fabs(offset.toDouble()) > kMaxOffset)
                fail(at + QStringLiteral(".offset"), QStringLiteral("expected volts from -%1 to %1").arg(kMaxOffset));
            else
                out[static_cast<std::size_t>(i)] = Calibration{gain.toDouble(), offset.toDouble()};
        }
    };
    inputs(QStringLiteral("cv"), s.cv);
    inputs(QStringLiteral("gates"), s.gates);
    if (!errors.isEmpty())
        return errors;
    return s;
}

} // namespace neurorack::runtime
