// SPDX-License-Identifier: GPL-3.0-or-later
// Presets, banks and mappings: slots, ids, morph pairs, CV response and the factory mappings.
#include "model/bank.h"
#include "model/factory.h"
#include "testsupport.h"

#include <QTest>

using namespace neurorack;

class tst_Bank : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyBank()
    {
        const Bank bank;
        QCOMPARE(bank.presetCount(), 0);
        QCOMPARE(bank.usedSlotCount(), 0);
        QCOMPARE(bank.firstEmptySlot(), 0);
        QVERIFY(bank.filledSlots().isEmpty());
        QCOMPARE(bank.preset(0), nullptr);
        QCOMPARE(bank.preset(-1), nullptr);
        QCOMPARE(bank.preset(128), nullptr);
        QCOMPARE(bank.morphPair(), std::nullopt);
    }

    void slots()
    {
        Bank bank;
        bank.setPreset(5, test::randomPreset(1, QStringLiteral("kick")));
        bank.setPreset(2, test::randomPreset(2, QStringLiteral("snare")));
        QCOMPARE(bank.presetCount(), 2);
        QCOMPARE(bank.filledSlots(), (QList<int>{2, 5}));
        QCOMPARE(bank.usedSlotCount(), 6);
        QCOMPARE(bank.firstEmptySlot(), 0);
        QCOMPARE(bank.slotOf(u"kick"), 5);
        QCOMPARE(bank.slotOf(u"nothing"), -1);
        QCOMPARE(bank.preset(2)->id, QStringLiteral("snare"));
        bank.clearSlot(5);
        QCOMPARE(bank.presetCount(), 1);
        QCOMPARE(bank.usedSlotCount(), 3);
        for (int i = 0; i < Bank::kSlotCount; ++i)
            bank.setPreset(i, test::randomPreset(quint32(i), QStringLiteral("p%1").arg(i)));
        QCOMPARE(bank.firstEmptySlot(), -1);
        QCOMPARE(bank.presetCount(), 128);
    }

    void uniqueIds()
    {
        Bank bank;
        QCOMPARE(bank.uniquePresetId(QStringLiteral("kick")), QStringLiteral("kick"));
        bank.setPreset(0, test::randomPreset(1, QStringLiteral("kick")));
        QCOMPARE(bank.uniquePresetId(QStringLiteral("kick")), QStringLiteral("kick-2"));
        bank.setPreset(1, test::randomPreset(1, QStringLiteral("kick-2")));
        QCOMPARE(bank.uniquePresetId(QStringLiteral("kick")), QStringLiteral("kick-3"));
        QCOMPARE(bank.uniquePresetId(QStringLiteral("Deep Kick!")), QStringLiteral("deep-kick"));
    }

    void morphPair()
    {
        Bank bank;
        bank.setPreset(3, test::randomPreset(1, QStringLiteral("a")));
        QCOMPARE(bank.morphPair(), std::optional(Bank::MorphPair{3, 3}));
        bank.setPreset(7, test::randomPreset(2, QStringLiteral("b")));
        QCOMPARE(bank.morphPair(), std::optional(Bank::MorphPair{3, 7}));
        bank.setMorphPair(Bank::MorphPair{7, 3});
        QCOMPARE(bank.morphPair(), std::optional(Bank::MorphPair{7, 3}));
        QCOMPARE(bank.explicitMorphPair(), std::optional(Bank::MorphPair{7, 3}));
    }

    void ids_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::addRow("simple") << QStringLiteral("deep-kick") << true;
        QTest::addRow("dots and underscores") << QStringLiteral("v1.2_b") << true;
        QTest::addRow("digit first") << QStringLiteral("808") << true;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("space") << QStringLiteral("deep kick") << false;
        QTest::addRow("dash first") << QStringLiteral("-kick") << false;
        QTest::addRow("accent") << QStringLiteral("métal") << false;
        QTest::addRow("64 characters") << QString(64, QLatin1Char('a')) << true;
        QTest::addRow("65 characters") << QString(65, QLatin1Char('a')) << false;
    }
    void ids()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(limits::isValidId(id), valid);
    }

    void idFromName()
    {
        QCOMPARE(limits::idFromName(u"Deep Kick!"), QStringLiteral("deep-kick"));
        QCOMPARE(limits::idFromName(u"  808  Boom "), QStringLiteral("808-boom"));
        QCOMPARE(limits::idFromName(u"???"), QStringLiteral("preset"));
        QVERIFY(limits::isValidId(limits::idFromName(QString(200, QLatin1Char('x')))));
    }

    void cvResponse_data()
    {
        QTest::addColumn<int>("curve");
        QTest::addColumn<double>("volts");
        QTest::addColumn<double>("value");
        // volts [-5, 5] onto range [0, 100]
        QTest::addRow("linear bottom") << int(ResponseCurve::Linear) << -5.0 << 0.0;
        QTest::addRow("linear middle") << int(ResponseCurve::Linear) << 0.0 << 50.0;
        QTest::addRow("linear top") << int(ResponseCurve::Linear) << 5.0 << 100.0;
        QTest::addRow("clamped above") << int(ResponseCurve::Linear) << 12.0 << 100.0;
        QTest::addRow("clamped below") << int(ResponseCurve::Linear) << -12.0 << 0.0;
        QTest::addRow("exponential middle") << int(ResponseCurve::Exponential) << 0.0 << 25.0;
        QTest::addRow("logarithmic quarter") << int(ResponseCurve::Logarithmic) << -2.5 << 50.0;
        QTest::addRow("s-curve middle") << int(ResponseCurve::SCurve) << 0.0 << 50.0;
        QTest::addRow("s-curve quarter") << int(ResponseCurve::SCurve) << -2.5 << 15.625;
    }
    void cvResponse()
    {
        QFETCH(int, curve);
        QFETCH(double, volts);
        QFETCH(double, value);
        CvInput cv{CvTarget::DescriptorOffset, DescriptorId::Brightness, -5.0, 5.0, 0.0, 100.0, ResponseCurve(curve), 0.0};
        QCOMPARE(cv.valueAt(volts), value);
    }

    void cvSpecialTargets()
    {
        CvInput inverted{CvTarget::MorphAmount, DescriptorId::Loudness, 0.0, 5.0, 1.0, 0.0, ResponseCurve::Linear, 0.0};
        QCOMPARE(inverted.valueAt(0.0), 1.0);
        QCOMPARE(inverted.valueAt(5.0), 0.0);
        CvInput voct{CvTarget::PitchVoct, DescriptorId::Loudness, -5.0, 5.0, 0.0, 0.0, ResponseCurve::Linear, 0.0};
        QCOMPARE(voct.valueAt(1.0), 12.0);
        QCOMPARE(voct.valueAt(-2.0), -24.0);
        QCOMPARE(voct.valueAt(9.0), 60.0); // clamped at the top of the volts range
        CvInput none;
        QCOMPARE(none.valueAt(3.0), 0.0);
    }

    void keyTablesRoundTrip()
    {
        for (const QString &key : cvTargetKeys())
            QCOMPARE(cvTargetKey(*cvTargetFromKey(key)), key);
        for (const QString &key : responseCurveKeys())
            QCOMPARE(responseCurveKey(*responseCurveFromKey(key)), key);
        for (const QString &key : gateActionKeys())
            QCOMPARE(gateActionKey(*gateActionFromKey(key)), key);
        QCOMPARE(cvTargetKeys().size(), 7);
        QCOMPARE(cvTargetFromKey(u"wobble"), std::nullopt);
        for (const auto s : {PresetSource::Drawn, PresetSource::Analysed, PresetSource::Generated})
            QCOMPARE(presetSourceFromKey(presetSourceKey(s)), std::optional(s));
    }

    void rangeLimits()
    {
        QCOMPARE(cvTargetRangeLimits(CvTarget::DescriptorOffset, DescriptorId::Pitch), (std::pair{-96.0, 96.0}));
        QCOMPARE(cvTargetRangeLimits(CvTarget::DescriptorOffset, DescriptorId::Loudness), (std::pair{-76.0, 76.0}));
        QCOMPARE(cvTargetRangeLimits(CvTarget::DescriptorScale, DescriptorId::Richness), (std::pair{0.0, 10.0}));
        QCOMPARE(cvTargetRangeLimits(CvTarget::MorphAmount, DescriptorId::Loudness), (std::pair{0.0, 1.0}));
        QVERIFY(!cvTargetHasRange(CvTarget::PitchVoct));
        QVERIFY(cvTargetHasDescriptor(CvTarget::DescriptorScale));
        QVERIFY(!cvTargetHasDescriptor(CvTarget::BankScan));
    }

    void originalFactoryMapping()
    {
        // DESIGN.md: gate 1 plays, CV1/CV2 richness and noisiness, CV3 morph amount, gate 2 plays the morph.
        const auto m = Factory::originalMapping();
        QVERIFY2(m.ok(), qPrintable(m.errorString()));
        QCOMPARE(m->id, QStringLiteral("original"));
        QCOMPARE(m->gates[0].action, GateAction::Trigger);
        QCOMPARE(m->gates[1].action, GateAction::TriggerMorph);
        QCOMPARE(m->cv[0].target, CvTarget::DescriptorOffset);
        QCOMPARE(m->cv[0].descriptor, DescriptorId::Richness);
        QCOMPARE(m->cv[1].target, CvTarget::DescriptorOffset);
        QCOMPARE(m->cv[1].descriptor, DescriptorId::Noisiness);
        QCOMPARE(m->cv[2].target, CvTarget::MorphAmount);
        QCOMPARE(m->cv[2].valueAt(0.0), 0.0);
        QCOMPARE(m->cv[2].valueAt(5.0), 1.0);
        QCOMPARE(m->cv[3].target, CvTarget::PitchVoct);
    }

    void alternativeFactoryMapping()
    {
        // DESIGN.md: CV1 morphs across the bank, CV2–4 loudness, brightness, richness.
        const auto m = Factory::alternativeMapping();
        QVERIFY2(m.ok(), qPrintable(m.errorString()));
        QCOMPARE(m->cv[0].target, CvTarget::BankScan);
        const std::array expected{DescriptorId::Loudness, DescriptorId::Brightness, DescriptorId::Richness};
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(m->cv[i + 1].target, CvTarget::DescriptorOffset);
            QCOMPARE(m->cv[i + 1].descriptor, expected[i]);
        }
        QCOMPARE(m->gates[0].action, GateAction::Trigger);
        QCOMPARE(Factory::mappings().size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_Bank)
#include "tst_bank.moc"
