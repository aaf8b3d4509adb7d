import { View, Text } from '@tarojs/components'
import dayjs from 'dayjs'
import type { VerifyView } from '../../../../core/volunteer/views'
import { hoursText } from '../events/event-text'
import './body.css'

const date = (iso: string | null) => (iso ? dayjs(iso).format('YYYY年M月D日') : '—')

/** The four blocks of 志愿服务记录证明 (民发〔2015〕149号) and the records table: exactly what was frozen at issue. */
export function CertificateBody ({ c }: { c: VerifyView['certificate'] & { checkCode?: string } }) {
  return (
    <>
      <View className='cert-block' id='cert-identity'>
        <View className='cert-block-title'>一、志愿者身份</View>
        <View className='cert-row'><Text className='cert-k'>姓名</Text><Text className='cert-v' id='cert-name'>{c.realName}</Text></View>
        <View className='cert-row'><Text className='cert-k'>志愿者编号</Text><Text className='cert-v' id='cert-volunteer-no'>{c.volunteerNo}</Text></View>
      </View>

      <View className='cert-block' id='cert-service'>
        <View className='cert-block-title'>二、服务情况</View>
        <View className='cert-row'>
          <Text className='cert-k'>总时长</Text>
          <Text className='cert-v' id='cert-hours'>{hoursText(c.earnedHours + c.manualHours)} 小时（信用时长 {hoursText(c.earnedHours)} 小时 / 补录 {hoursText(c.manualHours)} 小时）</Text>
        </View>
        <View className='cert-row'><Text className='cert-k'>服务次数</Text><Text className='cert-v' id='cert-count'>{c.serviceCount} 次</Text></View>
        <View className='cert-row'><Text className='cert-k'>起止日期</Text><Text className='cert-v' id='cert-span'>{date(c.firstServiceAt)} 至 {date(c.lastServiceAt)}</Text></View>
        <View className='cert-row'><Text className='cert-k'>服务领域</Text><Text className='cert-v' id='cert-topics'>{c.topics.length ? c.topics.join('、') : '—'}</Text></View>
        <View className='cert-table' id='cert-records' ariaRole='table' ariaLabel='服务记录'>
          <View className='cert-tr cert-th' ariaRole='row'>
            <View className='cert-td cert-date' ariaRole='columnheader'>日期</View>
            <View className='cert-td cert-title-col' ariaRole='columnheader'>服务项目</View>
            <View className='cert-td cert-topic' ariaRole='columnheader'>领域</View>
            <View className='cert-td cert-h' ariaRole='columnheader'>时长</View>
          </View>
          {c.records.length === 0 && <View className='cert-tr'><View className='cert-td'>暂无已确认的服务记录</View></View>}
          {c.records.map((r, i) => (
            <View key={i} className='cert-tr cert-record' ariaRole='row'>
              <View className='cert-td cert-date' ariaRole='cell'>{dayjs(r.date).format('YYYY-MM-DD')}</View>
              <View className='cert-td cert-title-col' ariaRole='cell'>{r.kind === 'training' ? `（培训）${r.title}` : r.title}</View>
              <View className='cert-td cert-topic' ariaRole='cell'>{r.topic}</View>
              <View className='cert-td cert-h' ariaRole='cell'>{hoursText(r.hours)}{r.manual ? '（含补录）' : ''}</View>
            </View>
          ))}
        </View>
      </View>

      <View className='cert-block' id='cert-issuer'>
        <View className='cert-block-title'>三、出具单位</View>
        <View className='cert-row'><Text className='cert-k'>出具单位</Text><Text className='cert-v' id='cert-organisation'>{c.issuer.organisation}</Text></View>
        <View className='cert-row'><Text className='cert-k'>负责人</Text><Text className='cert-v'>{c.issuer.personInCharge}</Text></View>
        <View className='cert-row'><Text className='cert-k'>经办人</Text><Text className='cert-v'>{c.issuer.handler}</Text></View>
        <View className='cert-row'><Text className='cert-k'>联系电话</Text><Text className='cert-v'>{c.issuer.contact}</Text></View>
      </View>

      <View className='cert-block' id='cert-number-block'>
        <View className='cert-block-title'>四、证明信息</View>
        <View className='cert-row'><Text className='cert-k'>证明编号</Text><Text className='cert-v cert-mono' id='cert-number'>{c.number}</Text></View>
        {c.checkCode && <View className='cert-row'><Text className='cert-k'>校验码</Text><Text className='cert-v cert-mono' id='cert-check-code'>{c.checkCode}</Text></View>}
        <View className='cert-row'><Text className='cert-k'>出具日期</Text><Text className='cert-v' id='cert-issued'>{date(c.issuedAt)}</Text></View>
      </View>
    </>
  )
}
