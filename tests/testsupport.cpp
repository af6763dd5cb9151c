// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include "model/framegrid.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QProcess>
#include <QRandomGenerator>

namespace neurorack::test {

Preset randomPreset(quint32 seed, const QString &id)
{
    QRandomGenerator rng(seed);
    Preset p;
    p.id = id;
    p.name = QStringLiteral("Preset «%1» \"quoted\" ✓").arg(id);
    p.tags = {QStringLiteral("tag%1").arg(rng.bounded(100)), QStringLiteral("métal")};
    p.source = PresetSource(rng.bounded(3));
    p.sourceDetail = QStringLiteral("seed %1\nline two").arg(seed);
    p.curves = DescriptorCurves(grid::framesForDuration(grid::kMinDuration) + int(rng.bounded(600)));
    for (const auto d : kAllDescriptors) {
        const auto &info = descriptor(d);
        for (int i = 0; i < p.curves.frameCount(); ++i) {
            if (d == DescriptorId::Pitch && rng.bounded(4) == 0)
                continue; // unvoiced
            const double x = rng.generateDouble();
            p.curves.setValue(d, i, static_cast<float>(info.minimum + x * (info.maximum - info.minimum)));
        }
    }
    return p;
}

Bank randomBank(quint32 seed, int presetCount)
{
    QRandomGenerator rng(seed);
    Bank bank;
    bank.setId(QStringLiteral("random-%1").arg(seed));
    bank.setName(QStringLiteral("Random %1").arg(seed));
    bank.setDescription(QStringLiteral("Made by the tests."));
    int slot = 0;
    for (int i = 0; i < presetCount && slot < Bank::kSlotCount; ++i) {
        bank.setPreset(slot, randomPreset(seed * 1000 + quint32(i), QStringLiteral("p%1").arg(i)));
        slot += (presetCount * 2 <= Bank::kSlotCount && rng.bounded(3) == 0) ? 2 : 1; // leave gaps when there is room
    }
    Mapping m;
    m.id = QStringLiteral("random");
    m.name = QStringLiteral("Random mapping");
    m.cv[0] = {CvTarget::DescriptorOffset, DescriptorId::Pitch, -5.0, 5.0, -24.0, 24.0, ResponseCurve::SCurve, 12.5};
    m.cv[1] = {CvTarget::DescriptorScale, DescriptorId::Brightness, 0.0, 10.0, 0.25, 4.0, ResponseCurve::Exponential, 0.0};
    m.cv[2] = {CvTarget::BankScan, DescriptorId::Loudness, -2.5, 2.5, 1.0, 0.0, ResponseCurve::Logarithmic, 100.0};
    m.cv[3] = {CvTarget::PitchVoct, DescriptorId::Loudness, -3.0, 7.0, 0.0, 0.0, ResponseCurve::Linear, 0.0};
    m.gates[0] = {GateAction::NextPreset, 2.5, 0.5};
    m.gates[1] = {GateAction::PreviousPreset, -1.0, 0.0};
    bank.setMapping(m);
    const QList<int> filled = bank.filledSlots();
    if (filled.size() >= 2)
        bank.setMorphPair(Bank::MorphPair{filled.last(), filled.first()});
    return bank;
}

QString soxGenerate(const QString &dir, const QString &name, const QStringList &format, const QStringList &effects)
{
    const QString path = QDir(dir).filePath(name);
    QProcess sox;
    // -R: repeatable noise and dither, so that a test reads the same file every run.
    sox.start(QStringLiteral("sox"), QStringList{QStringLiteral("-R"), QStringLiteral("-n")} + format + QStringList{path} + effects);
    if (!sox.waitForFinished(30000) || sox.exitStatus() != QProcess::NormalExit || sox.exitCode() != 0) {
        qWarning("sox failed (is it installed? setup.sh installs it): %s %s", qPrintable(sox.errorString()),
                 sox.readAllStandardError().constData());
        return {};
    }
    return path;
}

namespace {

QCborValue edit(const QCborValue &node, const QStringList &path, qsizetype depth, const QCborValue *value)
{
    const QString &key = path.at(depth);
    const bool last = depth + 1 == path.size();
    if (node.isArray()) {
        QCborArray array = node.toArray();
        const qsizetype index = key.toLongLong();
        if (last && !value)
            array.removeAt(index);
        else
            array[index] = last ? *value : edit(array.at(index), path, depth + 1, value);
        return array;
    }
    QCborMap map = node.toMap();
    if (last && !value)
        map.remove(key);
    else
        map[key] = last ? *value : edit(map.value(key), path, depth + 1, value);
    return map;
}

} // namespace

QCborValue replaced(const QCborValue &root, const QString &path, const QCborValue &value)
{
    return edit(root, path.split(QLatin1Char('/')), 0, &value);
}

QCborValue removed(const QCborValue &root, const QString &path)
{
    return edit(root, path.split(QLatin1Char('/')), 0, nullptr);
}

QCborValue valueAt(const QCborValue &root, const QString &path)
{
    QCborValue node = root;
    for (const QString &key : path.split(QLatin1Char('/')))
        node = node.isArray() ? node.toArray().at(key.toLongLong()) : node.toMap().value(key);
    return node;
}

} // namespace neurorack::test
