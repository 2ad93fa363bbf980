# Audit actions are stored as codes (gongkai.core.vocabulary.AuditAction) and shown with their
# Chinese labels; records written before held the label itself. The table below is frozen here
# as it was when the codes were introduced, so later changes to labels do not change history.

from django.db import migrations, models

import gongkai.core.vocabulary

CODES = {
    '登记申请': 'application.register',
    '开始办理': 'application.start',
    '分配经办人': 'application.assign',
    '发出补正通知': 'application.correction_request',
    '收到补正材料': 'application.correction_receive',
    '发出征求意见': 'application.consultation_send',
    '收到意见答复': 'application.consultation_receive',
    '发出收费通知': 'application.fee_notice',
    '登记缴费': 'application.fee_payment',
    '申请延期答复': 'application.extension_request',
    '批准延期答复': 'application.extension_approve',
    '确定答复期限（第三十五条）': 'application.due_date_set',
    '作出答复': 'application.answer',
    '终止办理': 'application.terminate',
    '更正办理结果': 'application.outcome_change',
    '工作日历变更后重算期限': 'application.due_dates_recompute',
    '作废': 'void',
    '修改文书模板': 'letter.template_save',
    '恢复默认文书模板': 'letter.template_reset',
    '修改文书编号设置': 'letter.settings_save',
    '生成文书': 'letter.generate',
    '记录文书送达': 'letter.delivery',
    '作废文书': 'letter.void',
    '上传附件': 'attachment.upload',
    '作废附件': 'attachment.void',
    '登记行政复议': 'case.register.review',
    '登记行政诉讼（未经复议直接起诉）': 'case.register.suit_direct',
    '登记行政诉讼（复议后起诉）': 'case.register.suit_after_review',
    '登记审结结果': 'case.result_record',
    '更正审结结果': 'case.result_change',
    '新增主题分类': 'proactive.category_create',
    '启用主题分类': 'proactive.category_enable',
    '停用主题分类': 'proactive.category_disable',
    '新增发布渠道': 'proactive.channel_create',
    '登记主动公开信息': 'proactive.item_register',
    '登记公开日期': 'proactive.item_publish',
    '登记规章': 'proactive.document.register.rule',
    '登记行政规范性文件': 'proactive.document.register.normative',
    '废止': 'proactive.document.repeal',
    '登记行政许可决定': 'proactive.decision.record.licensing',
    '登记其他对外管理服务事项决定': 'proactive.decision.record.other_services',
    '登记行政处罚决定': 'proactive.decision.record.penalty',
    '登记行政强制决定': 'proactive.decision.record.coercion',
    '登记行政事业性收费': 'proactive.fee_record',
    '登记政府集中采购': 'proactive.procurement_record',
    '登记行政许可事项': 'proactive.matter.record.licensing',
    '登记其他对外管理服务事项事项': 'proactive.matter.record.other_services',
    '登记行政处罚事项': 'proactive.matter.record.penalty',
    '登记行政强制事项': 'proactive.matter.record.coercion',
    '登记行政事业性收费事项': 'proactive.matter.record.fees',
    '修改机构信息': 'orgs.agency_update',
    '添加工作人员': 'accounts.member_add',
    '移除工作人员角色': 'accounts.member_remove',
    '修改工作日历': 'workcalendar.save',
}


def labels_to_codes(apps, schema_editor):
    AuditRecord = apps.get_model("applications", "AuditRecord")
    for label, code in CODES.items():
        AuditRecord.objects.filter(action=label).update(action=code)


def codes_to_labels(apps, schema_editor):
    AuditRecord = apps.get_model("applications", "AuditRecord")
    for label, code in CODES.items():
        AuditRecord.objects.filter(action=code).update(action=label)



class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0004_lapses_on'),
    ]

    operations = [
        migrations.RunPython(labels_to_codes, codes_to_labels),
        migrations.AlterField(
            model_name='auditrecord',
            name='action',
            field=models.CharField(choices=gongkai.core.vocabulary.audit_action_choices, max_length=60, verbose_name='操作'),
        ),
    ]
