<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../pages/customers/explain.py" line="28"/>
        <source>Chưa chấm điểm: cần chạy chấm điểm khách hàng.</source>
        <translation>Not scored yet: run customer scoring.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="29"/>
        <source>Số tiền dự kiến khách sẽ chi trong 12 tháng tới (mô hình BG/NBD).</source>
        <translation>Expected spend over the next 12 months (BG/NBD model).</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="31"/>
        <source>Theo công thức truyền thống: %1.</source>
        <translation>Traditional formula: %1.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="37"/>
        <source>Nhóm 5% khách có giá trị dự báo cao nhất: ưu tiên chăm sóc riêng.</source>
        <translation>Top 5% of customers by predicted value: give them personal care.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="38"/>
        <source>Trong nhóm 20% khách giá trị cao.</source>
        <translation>Among the top 20% of customers by value.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="39"/>
        <source>Nhóm giữa: tiềm năng nâng hạng với ưu đãi phù hợp.</source>
        <translation>Middle group: can move up a tier with the right offer.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="40"/>
        <source>Nhóm 30% giá trị thấp nhất: nên dùng kênh chi phí thấp.</source>
        <translation>Bottom 30% by value: prefer low-cost channels.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="41"/>
        <source>Chưa xếp hạng.</source>
        <translation>Not ranked yet.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="47"/>
        <location filename="../pages/customers/explain.py" line="70"/>
        <source>Chưa chấm điểm.</source>
        <translation>Not scored yet.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="50"/>
        <source>Rất có thể đã ngừng mua: nên liên hệ lại ngay với ưu đãi quay lại.</source>
        <translation>Has most likely stopped buying: contact them now with a win-back offer.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="52"/>
        <source>Đang có dấu hiệu giảm mua: nhắc lịch khám mắt hoặc thay kính.</source>
        <translation>Buying less than before: remind them of an eye exam or a lens change.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="53"/>
        <source>Khả năng còn mua cao: duy trì chăm sóc bình thường.</source>
        <translation>Likely to buy again: keep the usual care.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="59"/>
        <source>Chưa đủ lịch sử mua để dự đoán.</source>
        <translation>Not enough purchase history to predict.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="62"/>
        <source>Khoảng %1 ngày nữa, dựa trên nhịp mua trước đây.</source>
        <translation>In about %1 days, based on past purchase rhythm.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="72"/>
        <source>Thường xuyên ghé, mở tin và phản hồi.</source>
        <translation>Visits, opens messages and replies often.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="74"/>
        <source>Tương tác ở mức trung bình.</source>
        <translation>Average engagement.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="75"/>
        <source>Ít tương tác gần đây: tin nhắn có thể không được đọc.</source>
        <translation>Little recent engagement: messages may go unread.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="83"/>
        <source>Điểm RFM: R%1 F%2 M%3 (thang 1–5, 5 là tốt nhất).</source>
        <translation>RFM score: R%1 F%2 M%3 (scale 1–5, 5 is best).</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="89"/>
        <source>R: mua gần đây thế nào (lần cuối cách đây %1 ngày). F: mua thường xuyên ra sao (%2 đơn). M: chi bao nhiêu (%3).</source>
        <translation>R: how recently they bought (last purchase %1 days ago). F: how often (%2 orders). M: how much (%3).</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="96"/>
        <source>Nhóm RFM: %1.</source>
        <translation>RFM group: %1.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="98"/>
        <source>Giai đoạn hiện tại: %1.</source>
        <translation>Current stage: %1.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="100"/>
        <source>Xác suất còn là khách hàng: %1.</source>
        <translation>Probability of still being a customer: %1.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="102"/>
        <source>Chấm điểm lúc %1.</source>
        <translation>Scored at %1.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="103"/>
        <source>Chưa chấm điểm khách hàng này.</source>
        <translation>This customer has not been scored yet.</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="113"/>
        <source>Điểm %1/10</source>
        <translation>Score %1/10</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="118"/>
        <source>tư vấn</source>
        <translation>consultation</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="119"/>
        <source>nhận kính</source>
        <translation>glasses pick-up</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="120"/>
        <source>sửa, chỉnh kính</source>
        <translation>repair or adjustment</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="121"/>
        <source>khám mắt</source>
        <translation>eye exam</translation>
    </message>
    <message>
        <location filename="../pages/customers/explain.py" line="123"/>
        <source>Mục đích: %1</source>
        <translation>Purpose: %1</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="37"/>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="37"/>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="55"/>
        <source>KHÔNG (</source>
        <translation>NOT (</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="56"/>
        <source> VÀ </source>
        <translation> AND </translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="56"/>
        <source>TẤT CẢ</source>
        <translation>ALL</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="56"/>
        <source> HOẶC </source>
        <translation> OR </translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="56"/>
        <source>BẤT KỲ</source>
        <translation>ANY</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="60"/>
        <source>mọi khách hàng</source>
        <translation>all customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="60"/>
        <source>không khách hàng nào</source>
        <translation>no customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="63"/>
        <source>Khách hàng thỏa %1 điều kiện sau:</source>
        <translation>Customers matching %1 of these conditions:</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="81"/>
        <source>Có sự kiện</source>
        <translation>Has event</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="82"/>
        <source>ít nhất</source>
        <translation>at least</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="82"/>
        <source>nhiều nhất</source>
        <translation>at most</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="82"/>
        <source>đúng</source>
        <translation>exactly</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="87"/>
        <source>trong %1 ngày qua</source>
        <translation>in the last %1 days</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="93"/>
        <source>(phân khúc chưa chọn)</source>
        <translation>(no segment chosen)</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="95"/>
        <source>Thuộc phân khúc</source>
        <translation>In segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/readout.py" line="95"/>
        <source>Không thuộc phân khúc</source>
        <translation>Not in segment</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <location filename="../pages/analytics/page.py" line="28"/>
        <source>Phân tích</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <location filename="../pages/analytics/page.py" line="29"/>
        <source>Hiệu quả chiến dịch, phân khúc, tương tác và độ tin cậy của mô hình dự báo</source>
        <translation>Campaign and segment performance, engagement, and how far to trust the predictions</translation>
    </message>
    <message>
        <location filename="../pages/analytics/page.py" line="31"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../pages/analytics/page.py" line="54"/>
        <source>Chuẩn bị bộ lọc phân tích</source>
        <translation>Prepare the analytics filters</translation>
    </message>
</context>
<context>
    <name>AudienceStep</name>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="119"/>
        <source>Một phân khúc</source>
        <translation>A segment</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="120"/>
        <location filename="../pages/campaigns/wizard_steps.py" line="141"/>
        <source>Tệp CSV</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="121"/>
        <source>Chọn từng khách hàng</source>
        <translation>Pick customers</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="122"/>
        <source>Dán số điện thoại / email</source>
        <translation>Paste phones / emails</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="133"/>
        <source>Phân khúc</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="137"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="145"/>
        <source>Mỗi dòng một số điện thoại hoặc email</source>
        <translation>One phone number or email per line</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="147"/>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="150"/>
        <source>Loại trừ các phân khúc</source>
        <translation>Exclude segments</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="152"/>
        <source>Kiểm tra tập khách hàng</source>
        <translation>Check the audience</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="156"/>
        <source>Ai sẽ nhận tin</source>
        <translation>Who will receive the message</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="185"/>
        <source>Chọn tệp CSV</source>
        <translation>Choose a CSV file</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="227"/>
        <source>Tệp: %1 dòng — khớp %2, không có trong hệ thống %3, không hợp lệ %4, trùng %5.</source>
        <translation>File: %1 rows — %2 matched, %3 not in the system, %4 invalid, %5 duplicates.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="241"/>
        <source>&lt;b&gt;%1&lt;/b&gt; khách trong tập, %2 bị loại do phân khúc loại trừ.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; customers in the audience, %2 removed by excluded segments.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="249"/>
        <source>Đủ điều kiện: &lt;b&gt;%1&lt;/b&gt; · nhóm đối chứng: %2 · &lt;b&gt;sẽ gửi: %3&lt;/b&gt;</source>
        <translation>Eligible: &lt;b&gt;%1&lt;/b&gt; · holdout: %2 · &lt;b&gt;will send: %3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="254"/>
        <source>Bấm “Kiểm tra tập khách hàng” để xem.</source>
        <translation>Click “Check the audience” to see.</translation>
    </message>
</context>
<context>
    <name>CampaignAnalyticsView</name>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="74"/>
        <location filename="../pages/campaigns/analytics_view.py" line="127"/>
        <source>Phân tích chiến dịch</source>
        <translation>Campaign analytics</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="75"/>
        <source>Về chiến dịch</source>
        <translation>Back to the campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="81"/>
        <source>Theo ngày: tin gửi, nhận, nhấp và đơn hàng</source>
        <translation>By day: messages sent, delivered, clicked, and orders</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="82"/>
        <source>Doanh thu quy cho chiến dịch theo ngày</source>
        <translation>Attributed revenue by day</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="89"/>
        <source>Tỷ lệ mua theo giai đoạn vòng đời</source>
        <translation>Purchase rate by lifecycle stage</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="91"/>
        <source>Tỷ lệ mua theo cửa hàng</source>
        <translation>Purchase rate by store</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="93"/>
        <source>Tỷ lệ nhận tin theo nhà mạng</source>
        <translation>Delivery rate by carrier</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="95"/>
        <source>Phản hồi theo giờ gửi (giờ Việt Nam)</source>
        <translation>Response by send hour (Vietnam time)</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="100"/>
        <source>So với nhóm đối chứng</source>
        <translation>Compared with the holdout group</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="104"/>
        <source>So với các chiến dịch cùng kênh gần đây</source>
        <translation>Compared with recent campaigns on the same channel</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="107"/>
        <source>Chiến dịch</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="108"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="44"/>
        <location filename="../pages/campaigns/analytics_view.py" line="109"/>
        <location filename="../pages/campaigns/analytics_view.py" line="146"/>
        <location filename="../pages/campaigns/analytics_view.py" line="155"/>
        <location filename="../pages/campaigns/analytics_view.py" line="181"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="42"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="43"/>
        <source>Khách nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="46"/>
        <source>Đã mở</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="49"/>
        <location filename="../pages/campaigns/analytics_view.py" line="110"/>
        <location filename="../pages/campaigns/analytics_view.py" line="187"/>
        <source>Tỷ lệ mua</source>
        <translation>Purchase rate</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="111"/>
        <location filename="../pages/campaigns/analytics_view.py" line="164"/>
        <source>Doanh thu</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="112"/>
        <source>Chi phí</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="113"/>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="135"/>
        <source>Không tải được số liệu: %1</source>
        <translation>Could not load the figures: %1</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="141"/>
        <source>Phân tích: %1</source>
        <translation>Analytics: %1</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="45"/>
        <location filename="../pages/campaigns/analytics_view.py" line="147"/>
        <location filename="../pages/campaigns/analytics_view.py" line="156"/>
        <source>Đã nhận</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="148"/>
        <location filename="../pages/campaigns/analytics_view.py" line="157"/>
        <source>Nhấp</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="149"/>
        <location filename="../pages/campaigns/analytics_view.py" line="158"/>
        <source>Đơn hàng</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="154"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="50"/>
        <location filename="../pages/campaigns/analytics_view.py" line="159"/>
        <source>Doanh thu (₫)</source>
        <translation>Revenue (₫)</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="168"/>
        <location filename="../pages/campaigns/analytics_view.py" line="169"/>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="176"/>
        <source>Tỷ lệ nhận</source>
        <translation>Delivery rate</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="47"/>
        <location filename="../pages/campaigns/analytics_view.py" line="182"/>
        <source>Đã nhấp</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="48"/>
        <location filename="../pages/campaigns/analytics_view.py" line="183"/>
        <source>Đã mua</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="194"/>
        <source>Chiến dịch này không giữ lại nhóm đối chứng, nên không đo được phần doanh thu tăng thêm.</source>
        <translation>This campaign kept no holdout group, so its incremental revenue cannot be measured.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="200"/>
        <source>Khác biệt có ý nghĩa thống kê.</source>
        <translation>The difference is statistically significant.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="202"/>
        <source>Chưa đủ bằng chứng để nói chiến dịch làm tăng tỷ lệ mua.</source>
        <translation>Not enough evidence to say the campaign raised the purchase rate.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/analytics_view.py" line="206"/>
        <source>Nhóm nhận tin: %1 khách, %2 mua (%3). Nhóm đối chứng: %4 khách, %5 mua (%6). Chênh lệch %7 điểm %, khoảng tin cậy 95% từ %8 đến %9. Doanh thu tăng thêm ước tính %10. </source>
        <translation>Recipients: %1 customers, %2 bought (%3). Holdout: %4 customers, %5 bought (%6). Difference %7 percentage points, 95% confidence interval %8 to %9. Estimated incremental revenue %10. </translation>
    </message>
</context>
<context>
    <name>CampaignDashboardView</name>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="30"/>
        <source>Hiệu quả chiến dịch</source>
        <translation>Campaign performance</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="32"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="63"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="113"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="120"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="143"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="33"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="64"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="114"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="121"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="144"/>
        <source>Đã nhận</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="34"/>
        <source>Mở / nhấp</source>
        <translation>Open / click</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="35"/>
        <source>Khách mua hàng</source>
        <translation>Buyers</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="36"/>
        <source>Doanh thu quy cho chiến dịch</source>
        <translation>Revenue attributed to the campaign</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="37"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="68"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="138"/>
        <source>Chi phí</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="38"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="69"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="158"/>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="39"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="70"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="150"/>
        <source>ROAS</source>
        <translation>ROAS</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="42"/>
        <source>Tin nhắn theo ngày</source>
        <translation>Messages by day</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="43"/>
        <source>Doanh thu quy cho chiến dịch theo ngày</source>
        <translation>Attributed revenue by day</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="48"/>
        <source>Doanh thu và chi phí theo kênh</source>
        <translation>Revenue and cost by channel</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="50"/>
        <source>ROI theo phân khúc mục tiêu</source>
        <translation>ROI by target segment</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="56"/>
        <source>Từng chiến dịch</source>
        <translation>By campaign</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="59"/>
        <source>Chiến dịch</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="60"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="153"/>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="61"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="62"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="65"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="115"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="123"/>
        <source>Nhấp</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="66"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="145"/>
        <source>Mua hàng</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="67"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="129"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="137"/>
        <source>Doanh thu</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="84"/>
        <source>%1 chiến dịch</source>
        <translation>%1 campaigns</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="87"/>
        <source>Tỷ lệ nhận %1</source>
        <translation>Delivery rate %1</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="91"/>
        <source>Tỷ lệ nhấp %1 trên tin đã nhận</source>
        <translation>Click rate %1 of delivered messages</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="95"/>
        <source>Tỷ lệ chuyển đổi %1</source>
        <translation>Conversion rate %1</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="101"/>
        <source>(doanh thu − chi phí) / chi phí</source>
        <translation>(revenue − cost) / cost</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="105"/>
        <source>đồng doanh thu trên mỗi đồng chi phí</source>
        <translation>VND of revenue per VND spent</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="119"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="122"/>
        <source>Đã mở</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="124"/>
        <source>Đơn hàng quy cho chiến dịch</source>
        <translation>Orders attributed to the campaign</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="125"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="147"/>
        <source>Doanh thu (₫)</source>
        <translation>Revenue (₫)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="142"/>
        <source>Số chiến dịch</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="146"/>
        <source>Tỷ lệ chuyển đổi</source>
        <translation>Conversion rate</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="148"/>
        <source>Chi phí (₫)</source>
        <translation>Cost (₫)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="149"/>
        <source>ROI (%)</source>
        <translation>ROI (%)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="156"/>
        <location filename="../pages/analytics/campaign_dashboard.py" line="164"/>
        <source>(CSV / chọn tay)</source>
        <translation>(CSV / hand-picked)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/campaign_dashboard.py" line="163"/>
        <source>Phân khúc</source>
        <translation>Segment</translation>
    </message>
</context>
<context>
    <name>CampaignDetailView</name>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="87"/>
        <source>Danh sách</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="89"/>
        <location filename="../pages/campaigns/detail_view.py" line="239"/>
        <source>Bắt đầu gửi</source>
        <translation>Start sending</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="90"/>
        <source>Tạm dừng</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="91"/>
        <source>Tiếp tục gửi</source>
        <translation>Resume sending</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="92"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="93"/>
        <source>Phân tích</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="98"/>
        <source>Tiến độ gửi</source>
        <translation>Sending progress</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="108"/>
        <location filename="../pages/campaigns/detail_view.py" line="148"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="109"/>
        <location filename="../pages/campaigns/detail_view.py" line="152"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="110"/>
        <source>Số khách</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="114"/>
        <source>Lỗi và loại trừ theo lý do</source>
        <translation>Errors and exclusions by reason</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="120"/>
        <source>Chi phí</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="121"/>
        <source>Doanh thu quy cho chiến dịch</source>
        <translation>Revenue attributed to the campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="122"/>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="123"/>
        <source>ROAS</source>
        <translation>ROAS</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="124"/>
        <source>Tăng tỷ lệ mua so với nhóm đối chứng</source>
        <translation>Purchase-rate lift over the holdout group</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="125"/>
        <source>Doanh thu tăng thêm nhờ chiến dịch</source>
        <translation>Incremental revenue from the campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="128"/>
        <source>Phễu: gửi → nhận → mở → nhấp → mua</source>
        <translation>Funnel: sent → delivered → opened → clicked → purchased</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="129"/>
        <source>Chưa có tin nào được gửi.</source>
        <translation>No message has been sent yet.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="132"/>
        <source>Khách hàng nhận tin</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="134"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="136"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="146"/>
        <location filename="../pages/campaigns/detail_view.py" line="328"/>
        <location filename="../pages/campaigns/detail_view.py" line="331"/>
        <source>Khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="147"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="149"/>
        <source>Gửi lúc</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="150"/>
        <source>Nhận lúc</source>
        <translation>Delivered at</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="151"/>
        <source>Nhấp lúc</source>
        <translation>Clicked at</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="153"/>
        <source>Đơn quy cho CD</source>
        <translation>Attributed orders</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="154"/>
        <source>Doanh thu</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="181"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="190"/>
        <source>Tải chiến dịch</source>
        <translation>Load campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="211"/>
        <source>Không tải được chiến dịch: %1</source>
        <translation>Could not load the campaign: %1</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="228"/>
        <source>bắt đầu %1</source>
        <translation>started %1</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="239"/>
        <source>Gửi tiếp trên máy này</source>
        <translation>Keep sending on this computer</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="250"/>
        <source>%1 / %2 tin đã xử lý</source>
        <translation>%1 / %2 messages processed</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="267"/>
        <source>Tốc độ %1 tin/phút · còn khoảng %2 phút</source>
        <translation>%1 messages/minute · about %2 minutes left</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="273"/>
        <source>Đang gửi…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="274"/>
        <location filename="../pages/campaigns/detail_view.py" line="275"/>
        <source>Chưa bắt đầu gửi</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="276"/>
        <source>Đã tạm dừng</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="277"/>
        <source>Tạm dừng vì lỗi tài khoản nhà cung cấp</source>
        <translation>Paused: provider account problem</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="278"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="287"/>
        <source>Ngân sách %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="291"/>
        <source>Trực tiếp %1 · ảnh hưởng %2</source>
        <translation>Direct %1 · influenced %2</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="299"/>
        <source>Không có nhóm đối chứng</source>
        <translation>No holdout group</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="305"/>
        <source>điểm %</source>
        <translation>pp</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="306"/>
        <source>Khoảng tin cậy 95%: %1 đến %2 điểm %</source>
        <translation>95% confidence interval: %1 to %2 percentage points</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="315"/>
        <source>95%: %1 đến %2</source>
        <translation>95%: %1 to %2</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="322"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="323"/>
        <source>Đã nhận</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="324"/>
        <source>Đã mở</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="325"/>
        <source>Đã nhấp</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="326"/>
        <source>Đã mua</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="331"/>
        <source>Bước</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="336"/>
        <source>Hiển thị %1 khách đầu tiên</source>
        <translation>Showing the first %1 customers</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="362"/>
        <source>Bắt đầu chiến dịch “%1”</source>
        <translation>Start campaign “%1”</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="374"/>
        <source>Hủy chiến dịch</source>
        <translation>Cancel campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="375"/>
        <source>Hủy “%1”? Các tin chưa gửi sẽ không được gửi nữa.</source>
        <translation>Cancel “%1”? Messages not yet sent will not be sent.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="392"/>
        <source>Cập nhật chiến dịch</source>
        <translation>Update campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="401"/>
        <source>Không thực hiện được:</source>
        <translation>Could not be done:</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/detail_view.py" line="405"/>
        <source>Việc gửi bị dừng do lỗi: %1</source>
        <translation>Sending stopped because of an error: %1</translation>
    </message>
</context>
<context>
    <name>CampaignListView</name>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="41"/>
        <location filename="../pages/campaigns/list_view.py" line="70"/>
        <source>Chiến dịch</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="41"/>
        <source>Gửi SMS, Zalo ZNS và email; theo dõi kết quả và ROI</source>
        <translation>Send SMS, Zalo ZNS and email; track results and ROI</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="43"/>
        <source>Tạo chiến dịch</source>
        <translation>Create campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="49"/>
        <source>Tìm theo tên chiến dịch…</source>
        <translation>Search by campaign name…</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="51"/>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="55"/>
        <source>Mọi kênh</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="62"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="71"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="72"/>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="74"/>
        <source>Tập khách hàng</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="74"/>
        <source>CSV / chọn tay</source>
        <translation>CSV / hand-picked</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="78"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="79"/>
        <source>Khách nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="80"/>
        <source>Đã nhận</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="81"/>
        <source>Doanh thu</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="82"/>
        <source>Chi phí</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="83"/>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="90"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="91"/>
        <source>Nhân bản</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="92"/>
        <source>Tạm dừng</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="93"/>
        <source>Tiếp tục</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="94"/>
        <location filename="../pages/campaigns/list_view.py" line="209"/>
        <source>Hủy chiến dịch</source>
        <translation>Cancel campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="124"/>
        <source>Tải danh sách chiến dịch</source>
        <translation>Load the campaign list</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="138"/>
        <source>Không tải được danh sách chiến dịch: %1</source>
        <translation>Could not load the campaign list: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/campaigns/list_view.py" line="152"/>
        <source>%n chiến dịch</source>
        <translation>
            <numerusform>%n campaign</numerusform>
            <numerusform>%n campaigns</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="191"/>
        <source>Chọn một chiến dịch trong bảng trước.</source>
        <translation>Select a campaign in the table first.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="194"/>
        <source>Không áp dụng cho chiến dịch đang ở trạng thái “%1”.</source>
        <translation>Not available for a campaign in status “%1”.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="210"/>
        <source>Hủy “%1”? Các tin chưa gửi sẽ không được gửi nữa; không thể hoàn tác.</source>
        <translation>Cancel “%1”? Messages not yet sent will not be sent; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/list_view.py" line="231"/>
        <source>Cập nhật chiến dịch “%1”</source>
        <translation>Update campaign “%1”</translation>
    </message>
</context>
<context>
    <name>CampaignWizard</name>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="52"/>
        <source>Tạo chiến dịch</source>
        <translation>Create campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="53"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="57"/>
        <source>1. Kênh và mục đích</source>
        <translation>1. Channel and purpose</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="58"/>
        <source>2. Khách hàng nhận tin</source>
        <translation>2. Recipients</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="59"/>
        <source>3. Nội dung</source>
        <translation>3. Content</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="60"/>
        <source>4. Lịch, ngân sách, đối chứng</source>
        <translation>4. Schedule, budget, holdout</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="61"/>
        <source>5. Xem lại và bắt đầu</source>
        <translation>5. Review and start</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="77"/>
        <source>Tóm tắt</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="98"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="99"/>
        <source>Tiếp</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="100"/>
        <source>Lưu nháp</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="101"/>
        <location filename="../pages/campaigns/wizard.py" line="154"/>
        <source>Bắt đầu gửi</source>
        <translation>Start sending</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="134"/>
        <source>Tải phân khúc</source>
        <translation>Load segments</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="154"/>
        <source>Lên lịch gửi</source>
        <translation>Schedule sending</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="184"/>
        <source>Kiểm tra chiến dịch</source>
        <translation>Check the campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="192"/>
        <source>Tải khách mẫu</source>
        <translation>Load sample customers</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="198"/>
        <source>Đã lưu bản nháp. Có thể mở lại từ danh sách chiến dịch.</source>
        <translation>Draft saved. You can open it again from the campaign list.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="203"/>
        <source>Chưa lưu được chiến dịch:</source>
        <translation>The campaign could not be saved:</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="211"/>
        <source>Sẽ gửi: &lt;b&gt;%1&lt;/b&gt; khách · đối chứng %2 · bị loại %3</source>
        <translation>Will send to: &lt;b&gt;%1&lt;/b&gt; customers · holdout %2 · excluded %3</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="215"/>
        <source>Chi phí dự kiến: %1 · ngân sách: %2</source>
        <translation>Expected cost: %1 · budget: %2</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="217"/>
        <source>không giới hạn</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="218"/>
        <source>Thời điểm: %1</source>
        <translation>When: %1</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="222"/>
        <source>ngay</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="224"/>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="227"/>
        <source>Cần sửa trước khi gửi:</source>
        <translation>Fix before sending:</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="230"/>
        <source>Mọi kiểm tra đều đạt.</source>
        <translation>All checks passed.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="256"/>
        <source>Bắt đầu chiến dịch</source>
        <translation>Start the campaign</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="261"/>
        <source>Nhập số/email nhận thử rồi bấm “Tính chi phí…” trước.</source>
        <translation>Enter test phone numbers/emails and click “Estimate cost…” first.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard.py" line="285"/>
        <source>Gửi thử</source>
        <translation>Test send</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <location filename="../pages/campaigns/page.py" line="84"/>
        <source>Đang gửi chiến dịch</source>
        <translation>Campaigns are sending</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/campaigns/page.py" line="85"/>
        <source>Máy này đang gửi %n chiến dịch. Bạn muốn làm gì?</source>
        <translation>
            <numerusform>This computer is sending %n campaign. What would you like to do?</numerusform>
            <numerusform>This computer is sending %n campaigns. What would you like to do?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/campaigns/page.py" line="88"/>
        <source>Tạm dừng: không máy nào gửi tiếp cho đến khi bấm Tiếp tục.
Để máy khác gửi tiếp: máy này dừng, chiến dịch vẫn ở trạng thái đang gửi; máy chủ gửi hoặc lần mở sau sẽ gửi nốt, không tin nào bị gửi hai lần.</source>
        <translation>Pause: no computer sends until someone clicks Resume.
Let another computer continue: this one stops, the campaign stays in sending status; the sending server or the next start finishes it, and no message is sent twice.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/page.py" line="93"/>
        <source>Tạm dừng rồi đóng</source>
        <translation>Pause, then close</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/page.py" line="94"/>
        <source>Để máy khác gửi tiếp</source>
        <translation>Let another computer continue</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/page.py" line="95"/>
        <source>Không đóng</source>
        <translation>Don&apos;t close</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/page.py" line="121"/>
        <source>Ưu đãi tròng kính tháng 12</source>
        <translation>December lens offer</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/page.py" line="124"/>
        <source>Mắt Việt tặng 20% tròng kính chống ánh sáng xanh đến 31/12 tại mọi cửa hàng.</source>
        <translation>Mắt Việt: 20% off blue-light lenses until 31/12 in every store.</translation>
    </message>
</context>
<context>
    <name>ChannelStep</name>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="51"/>
        <source>Ví dụ: Ưu đãi tròng kính tháng 12</source>
        <translation>Example: December lens offer</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="52"/>
        <source>Tên chiến dịch</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="63"/>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="67"/>
        <source>Mục đích</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="69"/>
        <source>Nhà cung cấp</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="90"/>
        <source>Quảng cáo: chỉ gửi cho khách đã đồng ý nhận tin qua kênh này, tự thêm nhãn [QC] và dòng từ chối, SMS chỉ gửi 07:00–22:00, tối đa 3 tin quảng cáo/người/24 giờ (Nghị định 91/2020).</source>
        <translation>Advertising: sent only to customers who agreed to messages on this channel, with the [QC] label and opt-out line added automatically; SMS only 07:00–22:00, at most 3 advertising messages per person per 24 hours (Decree 91/2020).</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="95"/>
        <source>Chăm sóc khách hàng (nhắc lịch, báo đơn): nội dung SMS phải khớp mẫu đã đăng ký với eSMS.</source>
        <translation>Customer care (reminders, order updates): the SMS text must match a template registered with eSMS.</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../widgets/chart_cards.py" line="101"/>
        <source>Xuất XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <location filename="../widgets/chart_cards.py" line="102"/>
        <source>Lưu PNG</source>
        <translation>Save PNG</translation>
    </message>
    <message>
        <location filename="../widgets/chart_cards.py" line="103"/>
        <source>Lưu bảng số liệu của biểu đồ ra Excel</source>
        <translation>Save the chart&apos;s data table to Excel</translation>
    </message>
    <message>
        <location filename="../widgets/chart_cards.py" line="104"/>
        <source>Lưu biểu đồ thành ảnh PNG</source>
        <translation>Save the chart as a PNG image</translation>
    </message>
    <message>
        <location filename="../widgets/chart_cards.py" line="120"/>
        <source>Không có dữ liệu trong khoảng đã chọn.</source>
        <translation>No data in the chosen range.</translation>
    </message>
    <message>
        <location filename="../widgets/chart_cards.py" line="153"/>
        <source>Xuất bảng số liệu</source>
        <translation>Export data table</translation>
    </message>
    <message>
        <location filename="../widgets/chart_cards.py" line="163"/>
        <source>Lưu biểu đồ</source>
        <translation>Save chart</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../pages/analytics/labels.py" line="10"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="11"/>
        <source>Zalo ZNS</source>
        <translation>Zalo ZNS</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="12"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="15"/>
        <source>Chưa xếp loại</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="16"/>
        <source>Tiềm năng</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="17"/>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="18"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="19"/>
        <source>Trung thành</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="20"/>
        <source>Quay lại</source>
        <translation>Reactivated</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="21"/>
        <source>Có nguy cơ</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="22"/>
        <source>Đã rời bỏ</source>
        <translation>Churned</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="25"/>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="26"/>
        <source>Đã lên lịch</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="27"/>
        <location filename="../pages/analytics/labels.py" line="34"/>
        <source>Đang gửi</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="28"/>
        <source>Tạm dừng</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="29"/>
        <source>Hoàn tất</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="30"/>
        <location filename="../pages/analytics/labels.py" line="40"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="33"/>
        <source>Chờ gửi</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="35"/>
        <source>Chờ gửi lại</source>
        <translation>Waiting to retry</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="36"/>
        <source>Nhà mạng đã nhận</source>
        <translation>Accepted by the carrier</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="37"/>
        <source>Đã nhận</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="38"/>
        <source>Thất bại</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="39"/>
        <source>Chưa rõ kết quả</source>
        <translation>Outcome not known yet</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="41"/>
        <source>Bị loại</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="42"/>
        <source>Nhóm đối chứng</source>
        <translation>Holdout group</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="45"/>
        <source>Quảng cáo</source>
        <translation>Advertising</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="46"/>
        <source>Chăm sóc khách hàng</source>
        <translation>Customer care</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="49"/>
        <source>Thứ 2</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="50"/>
        <source>Thứ 3</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="51"/>
        <source>Thứ 4</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="52"/>
        <source>Thứ 5</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="53"/>
        <source>Thứ 6</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="54"/>
        <source>Thứ 7</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="55"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="61"/>
        <source>Số điện thoại thiếu hoặc không hợp lệ</source>
        <translation>Phone number missing or invalid</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="62"/>
        <source>Email thiếu hoặc không hợp lệ</source>
        <translation>Email missing or invalid</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="63"/>
        <source>Khách đã từ chối nhận quảng cáo</source>
        <translation>Customer opted out of advertising</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="64"/>
        <source>Nằm trong danh sách không liên hệ (DNC)</source>
        <translation>On the do-not-contact list (DNC)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="65"/>
        <source>Chưa đồng ý nhận quảng cáo qua kênh này</source>
        <translation>Has not agreed to receive advertising on this channel</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="66"/>
        <source>Trùng số điện thoại với khách khác trong chiến dịch</source>
        <translation>Same phone number as another customer in the campaign</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="67"/>
        <source>Trùng email với khách khác trong chiến dịch</source>
        <translation>Same email as another customer in the campaign</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="68"/>
        <source>Đã nhận 3 tin quảng cáo trong 24 giờ qua</source>
        <translation>Already received 3 advertising messages in the last 24 hours</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="73"/>
        <source>Tên gọi (từ cuối của họ tên)</source>
        <translation>First name (last word of the full name)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="74"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="75"/>
        <source>Cửa hàng quen</source>
        <translation>Usual store</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="76"/>
        <source>Tỉnh/thành phố</source>
        <translation>Province/city</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="77"/>
        <source>Mã khuyến mãi của chiến dịch</source>
        <translation>The campaign&apos;s promo code</translation>
    </message>
    <message>
        <location filename="../pages/analytics/labels.py" line="78"/>
        <source>Số điện thoại (0xxxxxxxxx)</source>
        <translation>Phone number (0xxxxxxxxx)</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../connection_dialog.py" line="38"/>
        <source>Kết nối cơ sở dữ liệu</source>
        <translation>Connect to the database</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="44"/>
        <source>Kết nối tới máy chủ Mắt Việt</source>
        <translation>Connect to the Mắt Việt server</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="48"/>
        <source>Nhập thông tin máy chủ PostgreSQL do bộ phận IT cung cấp. Mật khẩu được lưu trong kho khóa của hệ điều hành, không ghi ra tệp.</source>
        <translation>Enter the PostgreSQL server details from your IT team. The password is kept in the operating system&apos;s keyring, never in a file.</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="68"/>
        <location filename="../connection_dialog.py" line="78"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="69"/>
        <source>Lưu mật khẩu vào kho khóa hệ thống</source>
        <translation>Save the password in the system keyring</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="73"/>
        <source>Cổng</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="75"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="76"/>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="77"/>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="93"/>
        <source>Dùng cơ sở dữ liệu demo</source>
        <translation>Use the demo database</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="94"/>
        <source>Nâng cấp</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="96"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="97"/>
        <source>Kết nối</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="120"/>
        <source>Chỉ quản trị viên mới nâng cấp được lược đồ.</source>
        <translation>Only an administrator can upgrade the schema.</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="159"/>
        <source>Hãy nhập tên cơ sở dữ liệu và người dùng.</source>
        <translation>Enter the database name and the user.</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="164"/>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="167"/>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="186"/>
        <source>Đã kết nối, nhưng không lưu được mật khẩu vào kho khóa: </source>
        <translation>Connected, but the password could not be saved to the keyring: </translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="196"/>
        <source>Đang khởi động cơ sở dữ liệu demo…</source>
        <translation>Starting the demo database…</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="199"/>
        <source>Khởi động cơ sở dữ liệu demo</source>
        <translation>Start the demo database</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="229"/>
        <source>Đang nâng cấp lược đồ cơ sở dữ liệu…</source>
        <translation>Upgrading the database schema…</translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="232"/>
        <source>Nâng cấp lược đồ</source>
        <translation>Upgrade schema</translation>
    </message>
</context>
<context>
    <name>ConnectionSection</name>
    <message>
        <location filename="../pages/settings/page.py" line="54"/>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="57"/>
        <source>từ tham số --database-url</source>
        <translation>from the --database-url option</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="58"/>
        <source>từ biến môi trường MATVIET_DATABASE_URL</source>
        <translation>from the MATVIET_DATABASE_URL environment variable</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="59"/>
        <source>cơ sở dữ liệu demo nhúng</source>
        <translation>embedded demo database</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="60"/>
        <source>hồ sơ “%1”</source>
        <translation>profile “%1”</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="63"/>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="65"/>
        <source>Hồ sơ kết nối đã lưu</source>
        <translation>Saved connection profiles</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="67"/>
        <source>Mật khẩu nằm trong kho khóa của hệ điều hành, không lưu trong tệp.</source>
        <translation>Passwords are kept in the operating system&apos;s keyring, not in files.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="72"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="73"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="74"/>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="75"/>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="76"/>
        <source>Mặc định</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="83"/>
        <source>Thêm / sửa kết nối…</source>
        <translation>Add / edit connection…</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="84"/>
        <source>Đặt làm mặc định</source>
        <translation>Make default</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="85"/>
        <location filename="../pages/settings/page.py" line="148"/>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="86"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="124"/>
        <source>Đã lưu kết nối. Mở lại ứng dụng để dùng kết nối mới.</source>
        <translation>Connection saved. Restart the app to use it.</translation>
    </message>
</context>
<context>
    <name>ContentStep</name>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="267"/>
        <source>Tiêu đề email</source>
        <translation>Email subject</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="269"/>
        <source>Mã mẫu ZNS đã được Zalo duyệt</source>
        <translation>ZNS template ID approved by Zalo</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="270"/>
        <source>Mẫu ZNS</source>
        <translation>ZNS template</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="274"/>
        <source>Tham số ZNS</source>
        <translation>ZNS parameters</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="276"/>
        <source>Dòng từ chối</source>
        <translation>Opt-out line</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="279"/>
        <source>Chèn:</source>
        <translation>Insert:</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="288"/>
        <source>Nội dung tin nhắn…</source>
        <translation>Message text…</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="291"/>
        <source>Bỏ dấu</source>
        <translation>Remove diacritics</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="293"/>
        <source>Bỏ dấu tiếng Việt để tin SMS dài 160 thay vì 70 ký tự mỗi phần</source>
        <translation>Remove Vietnamese diacritics so each SMS part holds 160 instead of 70 characters</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="304"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="311"/>
        <source>Kiểm tra pháp lý</source>
        <translation>Legal checks</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="338"/>
        <source>(khách mẫu không có thông tin)</source>
        <translation>(the sample customer has no such information)</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="359"/>
        <source>(chưa có nội dung)</source>
        <translation>(no content yet)</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="363"/>
        <source>%1 ký tự · %2 · %3 phần tin (còn %4 ký tự trong phần này)</source>
        <translation>%1 characters · %2 · %3 message parts (%4 characters left in this part)</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="368"/>
        <source> — quá dài!</source>
        <translation> — too long!</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="380"/>
        <source>Nhãn [QC] được thêm tự động ở đầu tin</source>
        <translation>The [QC] advertising label is added automatically at the start</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="383"/>
        <source>Dòng hướng dẫn từ chối ở cuối tin</source>
        <translation>Opt-out line at the end of the message</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="386"/>
        <source>Chỉ gửi 07:00–22:00 giờ Việt Nam; ngoài giờ tin sẽ chờ</source>
        <translation>Sent only 07:00–22:00 Vietnam time; outside those hours messages wait</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="389"/>
        <source>SMS quảng cáo phải giống nhau cho mọi người: bỏ các biến {…}</source>
        <translation>Advertising SMS must be the same for everyone: remove the {…} variables</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="392"/>
        <source>Tối đa 3 tin quảng cáo mỗi người trong 24 giờ (tin vượt sẽ bị loại)</source>
        <translation>At most 3 advertising messages per person in 24 hours (extra messages are excluded)</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="396"/>
        <source>Chỉ gửi cho khách đã đồng ý nhận tin và không trong danh sách không liên hệ</source>
        <translation>Sent only to customers who agreed to receive messages and are not on the do-not-contact list</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="399"/>
        <source>Tin chăm sóc khách hàng: không cần nhãn [QC]</source>
        <translation>Customer-care message: no [QC] label needed</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="401"/>
        <source>Nội dung phải khớp mẫu CSKH đã đăng ký với eSMS</source>
        <translation>The text must match a customer-care template registered with eSMS</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="404"/>
        <source>Biến không tồn tại: %1</source>
        <translation>Unknown variable: %1</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../pages/customers/page.py" line="43"/>
        <source>Khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="44"/>
        <source>Tìm theo tên (không cần dấu) hoặc số điện thoại ở bất kỳ dạng nào.</source>
        <translation>Search by name (accents optional) or by phone number in any format.</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="46"/>
        <source>Xuất CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="55"/>
        <source>Tên hoặc số điện thoại, ví dụ “nguyen thi anh”, “0912 345 678”</source>
        <translation>Name or phone, e.g. “nguyen thi anh”, “0912 345 678”</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="65"/>
        <source>Tất cả cửa hàng</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="66"/>
        <source>Mọi giai đoạn</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="67"/>
        <source>Mọi hạng CLV</source>
        <translation>All CLV tiers</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="73"/>
        <source>Xóa bộ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="98"/>
        <source>Tải bộ lọc</source>
        <translation>Load filters</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="141"/>
        <source>%1 khách hàng</source>
        <translation>%1 customers</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="143"/>
        <source>%1 khách hàng khớp bộ lọc</source>
        <translation>%1 customers match the filters</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="147"/>
        <source>Xuất danh sách khách hàng</source>
        <translation>Export customer list</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="147"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="157"/>
        <source>Xuất CSV khách hàng</source>
        <translation>Export customers to CSV</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="160"/>
        <source>Đã xuất %1 khách hàng ra %2</source>
        <translation>Exported %1 customers to %2</translation>
    </message>
    <message>
        <location filename="../pages/customers/page.py" line="163"/>
        <source>Xuất thất bại: </source>
        <translation>Export failed: </translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="55"/>
        <source>Tìm khách theo tên, số điện thoại hoặc email…</source>
        <translation>Search customers by name, phone or email…</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="71"/>
        <source>Thêm vào danh sách</source>
        <translation>Add to the list</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="80"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="80"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="80"/>
        <source>Cửa hàng</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="90"/>
        <source>Bỏ khách đã chọn</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="91"/>
        <source>Bỏ hết</source>
        <translation>Remove all</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="112"/>
        <source>Không tìm được: %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="144"/>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="146"/>
        <source>Không có khách nào khớp.</source>
        <translation>No matching customers.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="148"/>
        <source>Khách mua gần đây nhất — gõ để tìm; nhấp đúp để thêm</source>
        <translation>Most recent buyers — type to search; double-click to add</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="152"/>
        <source>Đã tải %1 khách khớp — cuộn để xem thêm, nhấp đúp để thêm</source>
        <translation>%1 matching customers loaded — scroll for more, double-click to add</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="154"/>
        <source>%1 khách khớp — nhấp đúp để thêm</source>
        <translation>%1 matching customers — double-click to add</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/customer_picker.py" line="207"/>
        <source>Đã chọn %1 khách hàng</source>
        <translation>%1 customers picked</translation>
    </message>
</context>
<context>
    <name>CustomerProfileView</name>
    <message>
        <location filename="../pages/customers/profile_view.py" line="79"/>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="104"/>
        <source>Giá trị dự báo (CLV)</source>
        <translation>Predicted value (CLV)</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="105"/>
        <source>Hạng khách hàng</source>
        <translation>Customer tier</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="106"/>
        <source>Nguy cơ rời bỏ</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="107"/>
        <source>Lần mua tiếp theo</source>
        <translation>Next purchase</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="108"/>
        <source>Điểm tương tác</source>
        <translation>Engagement score</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="109"/>
        <source>Đã chi tiêu</source>
        <translation>Spent so far</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="118"/>
        <source>Hồ sơ</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="124"/>
        <source>Đồng ý nhận tin</source>
        <translation>Marketing consent</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="129"/>
        <source>RFM và vòng đời</source>
        <translation>RFM and lifecycle</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="145"/>
        <source>Hiển thị:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="154"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="154"/>
        <source>Sự kiện</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="154"/>
        <location filename="../pages/customers/profile_view.py" line="160"/>
        <location filename="../pages/customers/profile_view.py" line="172"/>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="154"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="157"/>
        <source>Dòng thời gian</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="160"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="160"/>
        <source>Mã đơn</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="160"/>
        <source>Cửa hàng</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="160"/>
        <location filename="../pages/customers/profile_view.py" line="172"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="161"/>
        <source>Giảm giá</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="161"/>
        <source>Tổng tiền</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="164"/>
        <source>Đơn hàng</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="166"/>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="166"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="166"/>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="166"/>
        <source>Trước đó</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="168"/>
        <source>Lịch sử vòng đời</source>
        <translation>Lifecycle history</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="169"/>
        <location filename="../pages/customers/profile_view.py" line="170"/>
        <source>Phân khúc</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="169"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="169"/>
        <source>Vào phân khúc từ</source>
        <translation>Member since</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="172"/>
        <location filename="../pages/customers/profile_view.py" line="175"/>
        <source>Chiến dịch</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="172"/>
        <source>Gửi lúc</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="173"/>
        <source>Đã mở</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="173"/>
        <source>Đã bấm</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="173"/>
        <source>Doanh thu quy cho</source>
        <translation>Attributed revenue</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="181"/>
        <source>Các hồ sơ dưới đây có thể là cùng một người (trùng email, hoặc trùng họ tên và ngày sinh). Gộp sẽ chuyển toàn bộ đơn hàng, lịch sử và đồng ý nhận tin sang hồ sơ đang xem, rồi xóa hồ sơ trùng.</source>
        <translation>These profiles may be the same person (same email, or same name and birthday). Merging moves all orders, history and consents to the profile you are viewing, then deletes the duplicate.</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="189"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="189"/>
        <location filename="../pages/customers/profile_view.py" line="304"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="189"/>
        <location filename="../pages/customers/profile_view.py" line="305"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="189"/>
        <source>Số đơn</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="189"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="194"/>
        <source>Mở hồ sơ này</source>
        <translation>Open this profile</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="195"/>
        <source>Gộp vào khách hàng đang xem</source>
        <translation>Merge into the customer being viewed</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="201"/>
        <location filename="../pages/customers/profile_view.py" line="295"/>
        <source>Hồ sơ trùng</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="205"/>
        <source>Tất cả sự kiện</source>
        <translation>All events</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="206"/>
        <source>Mua hàng</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="207"/>
        <source>Ghé cửa hàng, khám mắt</source>
        <translation>Store visits, eye exams</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="208"/>
        <source>Đánh giá NPS</source>
        <translation>NPS responses</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="209"/>
        <source>Tin nhắn chiến dịch</source>
        <translation>Campaign messages</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="216"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="220"/>
        <source>Tải hồ sơ khách hàng</source>
        <translation>Load customer profile</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="237"/>
        <source>Hạng </source>
        <translation>Tier </translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="250"/>
        <source>%1 đơn, trung bình %2/đơn</source>
        <translation>%1 orders, %2 per order on average</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="265"/>
        <source>hiện tại</source>
        <translation>current</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="270"/>
        <source>Chưa có lịch sử: giai đoạn được ghi lại mỗi lần chấm điểm.</source>
        <translation>No history yet: the stage is recorded at every scoring run.</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="275"/>
        <source>Khách hàng chưa thuộc phân khúc nào.</source>
        <translation>This customer is in no segment.</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="291"/>
        <source>Chưa nhận chiến dịch nào.</source>
        <translation>No campaigns received.</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="306"/>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="307"/>
        <source>Ngày sinh</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="308"/>
        <source>Tỉnh/thành</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="309"/>
        <source>Cửa hàng chính</source>
        <translation>Home store</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="310"/>
        <source>Khách hàng từ</source>
        <translation>Customer since</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="311"/>
        <source>Mã khách hàng</source>
        <translation>Customer code</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="324"/>
        <source>Đồng ý</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="324"/>
        <source>Chưa đồng ý</source>
        <translation>Not granted</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="352"/>
        <source>Không có sự kiện nào.</source>
        <translation>No events.</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="358"/>
        <source>Chưa có đơn hàng.</source>
        <translation>No orders yet.</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="378"/>
        <source>Trùng email</source>
        <translation>Same email</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="379"/>
        <source>Trùng họ tên và ngày sinh</source>
        <translation>Same name and birthday</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="407"/>
        <source>Lọc dòng thời gian</source>
        <translation>Filter timeline</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="430"/>
        <source>Gộp hồ sơ</source>
        <translation>Merge profiles</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="432"/>
        <source>Gộp hồ sơ đã chọn vào khách hàng đang xem? Hồ sơ trùng sẽ bị xóa; thao tác không hoàn tác được.</source>
        <translation>Merge the selected profile into the customer being viewed? The duplicate will be deleted; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="443"/>
        <source>Gộp hồ sơ khách hàng</source>
        <translation>Merge customer profiles</translation>
    </message>
    <message>
        <location filename="../pages/customers/profile_view.py" line="453"/>
        <source>Đã gộp: chuyển %1 đơn hàng và %2 sự kiện sang hồ sơ này.</source>
        <translation>Merged: moved %1 orders and %2 events to this profile.</translation>
    </message>
</context>
<context>
    <name>CustomerTable</name>
    <message>
        <location filename="../models/customer_table.py" line="41"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="42"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="43"/>
        <source>Cửa hàng</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="44"/>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="45"/>
        <source>Hạng CLV</source>
        <translation>CLV tier</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="46"/>
        <source>CLV dự báo</source>
        <translation>Predicted CLV</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="47"/>
        <source>Tổng chi tiêu</source>
        <translation>Total spent</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="48"/>
        <source>Số đơn</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="49"/>
        <source>Mua gần nhất</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="50"/>
        <source>Tương tác</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="154"/>
        <source>Tải danh sách khách hàng</source>
        <translation>Load customer list</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="167"/>
        <source>Đếm khách hàng</source>
        <translation>Count customers</translation>
    </message>
    <message>
        <location filename="../models/customer_table.py" line="231"/>
        <source>Không sắp xếp theo cột này</source>
        <translation>Not sortable by this column</translation>
    </message>
</context>
<context>
    <name>CustomerTableView</name>
    <message>
        <location filename="../widgets/customer_table_view.py" line="91"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../widgets/customer_table_view.py" line="93"/>
        <source>Đã tải %1 khách hàng</source>
        <translation>%1 customers loaded</translation>
    </message>
    <message>
        <location filename="../widgets/customer_table_view.py" line="95"/>
        <source>Không có khách hàng nào khớp với bộ lọc.</source>
        <translation>No customer matches the filters.</translation>
    </message>
    <message>
        <location filename="../widgets/customer_table_view.py" line="98"/>
        <source>Hiển thị %1 / %2 khách hàng — cuộn xuống để tải thêm</source>
        <translation>Showing %1 / %2 customers — scroll down to load more</translation>
    </message>
    <message>
        <location filename="../widgets/customer_table_view.py" line="100"/>
        <source>Hiển thị %1 / %2 khách hàng</source>
        <translation>Showing %1 / %2 customers</translation>
    </message>
    <message>
        <location filename="../widgets/customer_table_view.py" line="107"/>
        <source>Không tải được danh sách: </source>
        <translation>Could not load the list: </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../pages/analytics/base.py" line="56"/>
        <source>Đang tính toán…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../pages/analytics/base.py" line="60"/>
        <source>Tải bảng phân tích: %1</source>
        <translation>Load dashboard: %1</translation>
    </message>
    <message>
        <location filename="../pages/analytics/base.py" line="76"/>
        <source>Không tải được số liệu: %1. Kiểm tra kết nối cơ sở dữ liệu rồi bấm Làm mới.</source>
        <translation>Could not load the figures: %1. Check the database connection, then click Refresh.</translation>
    </message>
</context>
<context>
    <name>EngagementDashboardView</name>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="27"/>
        <source>Mức độ tương tác</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="29"/>
        <source>Phân bố điểm tương tác (khách hàng)</source>
        <translation>Engagement score distribution (customers)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="30"/>
        <source>Hiệu quả theo kênh</source>
        <translation>Performance by channel</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="34"/>
        <source>Chi tiết theo kênh</source>
        <translation>Details by channel</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="37"/>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="38"/>
        <location filename="../pages/analytics/engagement_dashboard.py" line="127"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="39"/>
        <source>Tỷ lệ nhận</source>
        <translation>Delivery rate</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="40"/>
        <source>Tỷ lệ mở</source>
        <translation>Open rate</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="41"/>
        <source>Tỷ lệ nhấp</source>
        <translation>Click rate</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="42"/>
        <source>Tỷ lệ mua</source>
        <translation>Purchase rate</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="43"/>
        <source>Doanh thu / tin</source>
        <translation>Revenue per message</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="44"/>
        <source>Chi phí / khách mua</source>
        <translation>Cost per buyer</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="45"/>
        <source>ROAS</source>
        <translation>ROAS</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="51"/>
        <source>Tỷ lệ phản hồi theo thứ và giờ gửi (giờ Việt Nam)</source>
        <translation>Response rate by weekday and send hour (Vietnam time)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="55"/>
        <source>Giờ gửi tốt nhất</source>
        <translation>Best send times</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="59"/>
        <source>Có nguy cơ đầu kỳ</source>
        <translation>At risk at the start</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="60"/>
        <source>Đã quay lại mua</source>
        <translation>Came back to buy</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="61"/>
        <source>Vẫn có nguy cơ</source>
        <translation>Still at risk</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="62"/>
        <source>Đã rời bỏ</source>
        <translation>Churned</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="64"/>
        <source>Cảnh báo rời bỏ có đúng không?</source>
        <translation>Was the churn warning right?</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="77"/>
        <source>Chưa chấm</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="78"/>
        <location filename="../pages/analytics/engagement_dashboard.py" line="84"/>
        <source>Khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="83"/>
        <source>Điểm tương tác</source>
        <translation>Engagement score</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="85"/>
        <source>Tỷ lệ</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="96"/>
        <source>Nhận</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="97"/>
        <source>Mở</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="98"/>
        <source>Nhấp</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="99"/>
        <source>Mua</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="108"/>
        <source>chưa gửi tin nào</source>
        <translation>no message sent yet</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="114"/>
        <source>Đã gửi: %1
Phản hồi: %2 (%3)
Mua hàng: %4</source>
        <translation>Sent: %1
Responses: %2 (%3)
Purchases: %4</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="125"/>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="126"/>
        <source>Giờ</source>
        <translation>Hour</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="128"/>
        <source>Phản hồi</source>
        <translation>Responses</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="129"/>
        <source>Mua hàng</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="130"/>
        <source>Tỷ lệ phản hồi</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="136"/>
        <source>Chưa đủ tin nhắn (ít nhất 30 tin mỗi khung giờ) để kết luận.</source>
        <translation>Not enough messages (at least 30 per time slot) to draw a conclusion.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="141"/>
        <source>phản hồi %1 trên %2 tin</source>
        <translation>%1 responses to %2 messages</translation>
    </message>
    <message>
        <location filename="../pages/analytics/engagement_dashboard.py" line="153"/>
        <source>Trong số khách bị đánh dấu “có nguy cơ” vào ngày đầu kỳ, bao nhiêu người đã quay lại mua, vẫn có nguy cơ hay đã rời bỏ vào ngày cuối kỳ. Tỷ lệ rời bỏ cao nghĩa là cảnh báo đúng; tỷ lệ quay lại cao sau chiến dịch chăm sóc là dấu hiệu chiến dịch có tác dụng.</source>
        <translation>Of the customers flagged “at risk” on the first day of the period, how many came back to buy, were still at risk, or had churned by the last day. A high churn share means the warning was right; a high return share after a care campaign is a sign the campaign worked.</translation>
    </message>
</context>
<context>
    <name>EventConditionWidget</name>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="340"/>
        <source>ít nhất</source>
        <translation>at least</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="341"/>
        <source>nhiều nhất</source>
        <translation>at most</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="342"/>
        <source>đúng</source>
        <translation>exactly</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="348"/>
        <source> lần</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="351"/>
        <source>mọi lúc</source>
        <translation>any time</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="352"/>
        <source>trong </source>
        <translation>in the last </translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="353"/>
        <source> ngày qua</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="357"/>
        <source>Có sự kiện</source>
        <translation>Has event</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="365"/>
        <source>lọc thêm:</source>
        <translation>also filter:</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="381"/>
        <source>— không lọc —</source>
        <translation>— no filter —</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../widgets/filter_bar.py" line="37"/>
        <source>Thời gian:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../widgets/filter_bar.py" line="40"/>
        <source>30 ngày qua</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../widgets/filter_bar.py" line="41"/>
        <source>90 ngày qua</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../widgets/filter_bar.py" line="42"/>
        <source>12 tháng qua</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location filename="../widgets/filter_bar.py" line="43"/>
        <source>Từ đầu năm</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <location filename="../widgets/filter_bar.py" line="44"/>
        <source>Toàn bộ</source>
        <translation>All time</translation>
    </message>
    <message>
        <location filename="../widgets/filter_bar.py" line="45"/>
        <source>Tùy chọn…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../widgets/filter_bar.py" line="59"/>
        <source>Cửa hàng:</source>
        <translation>Store:</translation>
    </message>
    <message>
        <location filename="../widgets/filter_bar.py" line="151"/>
        <source>Tất cả cửa hàng</source>
        <translation>All stores</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/filter_bar.py" line="155"/>
        <source>%n cửa hàng</source>
        <translation>
            <numerusform>%n store</numerusform>
            <numerusform>%n stores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupWidget</name>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="460"/>
        <source>Thỏa TẤT CẢ điều kiện (VÀ)</source>
        <translation>Match ALL conditions (AND)</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="461"/>
        <source>Thỏa BẤT KỲ điều kiện nào (HOẶC)</source>
        <translation>Match ANY condition (OR)</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="463"/>
        <source>Khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="464"/>
        <source>Loại trừ khách hàng</source>
        <translation>Exclude customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="468"/>
        <source>Thêm điều kiện hoặc nhóm vào nhóm này</source>
        <translation>Add a condition or group to this group</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="469"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="474"/>
        <source>Điều kiện theo trường</source>
        <translation>Condition on a field</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="475"/>
        <source>Điều kiện theo sự kiện</source>
        <translation>Condition on an event</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="477"/>
        <source>Thuộc / không thuộc phân khúc</source>
        <translation>In / not in a segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="481"/>
        <source>Nhóm điều kiện lồng nhau</source>
        <translation>Nested group of conditions</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../pages/importing/page.py" line="41"/>
        <source>Khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="42"/>
        <source>Đơn hàng</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="43"/>
        <source>Chi tiết đơn hàng</source>
        <translation>Order items</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="44"/>
        <source>Cửa hàng</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="45"/>
        <source>Tương tác (ghé cửa hàng, khám mắt, NPS)</source>
        <translation>Engagements (store visits, eye exams, NPS)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="46"/>
        <source>Đồng ý nhận tin</source>
        <translation>Marketing consent</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="47"/>
        <source>Danh sách không liên lạc</source>
        <translation>Do-not-contact list</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="50"/>
        <source>1. Chọn tệp</source>
        <translation>1. Choose file</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="51"/>
        <source>2. Ghép cột</source>
        <translation>2. Map columns</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="52"/>
        <source>3. Chạy thử</source>
        <translation>3. Dry run</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="53"/>
        <source>4. Nhập</source>
        <translation>4. Import</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="54"/>
        <source>5. Kết quả</source>
        <translation>5. Result</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../pages/importing/page.py" line="88"/>
        <location filename="../pages/importing/page.py" line="185"/>
        <location filename="../pages/importing/page.py" line="227"/>
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="90"/>
        <source>Nhập khách hàng, đơn hàng, cửa hàng… từ tệp CSV hoặc Excel. Chạy thử trước để xem dòng lỗi.</source>
        <translation>Import customers, orders, stores… from CSV or Excel files. Do a dry run first to see the rejected rows.</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="123"/>
        <location filename="../pages/importing/page.py" line="256"/>
        <source>Chọn tệp cần nhập</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="127"/>
        <source>Tự nhận biết theo tiêu đề cột</source>
        <translation>Detect from the column headers</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="130"/>
        <source>Chọn tệp CSV hoặc Excel…</source>
        <translation>Choose a CSV or Excel file…</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="132"/>
        <source>Loại dữ liệu</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="140"/>
        <source>Hỗ trợ CSV (UTF-8, UTF-16, Windows-1258, dấu phẩy hoặc chấm phẩy) và Excel .xlsx. Ngày ghi theo ngày/tháng/năm, số tiền có thể có dấu chấm ngăn cách (1.250.000). Nhập lại cùng một tệp không tạo bản ghi trùng.</source>
        <translation>Supports CSV (UTF-8, UTF-16, Windows-1258, comma or semicolon) and Excel .xlsx. Dates as day/month/year; amounts may use dots as thousands separators (1.250.000). Importing the same file again creates no duplicates.</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="159"/>
        <source>Xem trước (20 dòng đầu)</source>
        <translation>Preview (first 20 rows)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="162"/>
        <source>Ghép cột trong tệp với trường dữ liệu</source>
        <translation>Map file columns to data fields</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="163"/>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="163"/>
        <source>Cột trong tệp</source>
        <translation>File column</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="169"/>
        <source>Ngày tháng ghi theo</source>
        <translation>Dates are written as</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="171"/>
        <source>ngày/tháng/năm (25/12/2024)</source>
        <translation>day/month/year (25/12/2024)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="172"/>
        <source>tháng/ngày/năm (12/25/2024)</source>
        <translation>month/day/year (12/25/2024)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="173"/>
        <source>năm-tháng-ngày (2024-12-25)</source>
        <translation>year-month-day (2024-12-25)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="182"/>
        <source>Chọn tệp khác</source>
        <translation>Choose another file</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="184"/>
        <source>Chạy thử (không ghi dữ liệu)</source>
        <translation>Dry run (writes nothing)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="202"/>
        <source>Dòng trong tệp</source>
        <translation>Rows in file</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="203"/>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="204"/>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="205"/>
        <source>Dòng lỗi</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="209"/>
        <source>Dòng bị từ chối và cách sửa</source>
        <translation>Rejected rows and how to fix them</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="210"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="210"/>
        <source>Lỗi</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="210"/>
        <source>Nội dung dòng</source>
        <translation>Row content</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="221"/>
        <source>Sửa ghép cột</source>
        <translation>Edit column mapping</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="223"/>
        <source>Lưu các dòng lỗi…</source>
        <translation>Save rejected rows…</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="225"/>
        <source>Nhập tệp khác</source>
        <translation>Import another file</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="240"/>
        <source>Đang xử lý tệp</source>
        <translation>Processing the file</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="244"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="256"/>
        <source>Bảng tính (*.csv *.txt *.xlsx);;Mọi tệp (*)</source>
        <translation>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="267"/>
        <source>Đọc tệp %1</source>
        <translation>Read file %1</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="277"/>
        <source>Không nhận ra loại dữ liệu từ tiêu đề cột: hãy chọn “Loại dữ liệu” rồi mở lại tệp.</source>
        <translation>Could not tell the kind of data from the headers: choose “Kind of data” and open the file again.</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="282"/>
        <source>dấu phẩy</source>
        <translation>comma</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="282"/>
        <source>chấm phẩy</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="286"/>
        <source>%1 · %2 · mã hóa %3 · phân cách %4 · loại: %5</source>
        <translation>%1 · %2 · encoding %3 · separator %4 · kind: %5</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="318"/>
        <source>— không nhập —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="341"/>
        <source>Chưa ghép trường bắt buộc: </source>
        <translation>Required fields not mapped: </translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="355"/>
        <source>Đang đọc tệp…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="366"/>
        <source>Chạy thử nhập %1</source>
        <translation>Dry run of %1</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="366"/>
        <source>Nhập %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="380"/>
        <source>(%1 dòng)</source>
        <translation>(%1 rows)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="387"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="392"/>
        <source>Đã hủy. Không có dữ liệu nào được ghi.</source>
        <translation>Cancelled. No data was written.</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="399"/>
        <source>Kết quả chạy thử: chưa có dữ liệu nào được ghi.</source>
        <translation>Dry run result: no data has been written yet.</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="402"/>
        <source>Đã nhập xong trong %1 giây.</source>
        <translation>Imported in %1 seconds.</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="406"/>
        <source>%1 dòng hợp lệ</source>
        <translation>%1 valid rows</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="409"/>
        <source>sẽ thêm</source>
        <translation>to be added</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="409"/>
        <source>đã thêm</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="413"/>
        <source>%1 dòng không đổi</source>
        <translation>%1 rows unchanged</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="415"/>
        <source>xem bảng bên dưới</source>
        <translation>see the table below</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="432"/>
        <source>Tệp này đã được nhập trước đây: các dòng đã có được cập nhật, không tạo trùng.</source>
        <translation>This file was imported before: existing rows were updated, no duplicates created.</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="447"/>
        <location filename="../pages/importing/page.py" line="468"/>
        <source>Lưu các dòng lỗi</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="447"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../pages/importing/page.py" line="459"/>
        <source>Đã lưu %1 dòng lỗi vào %2. Sửa rồi nhập lại tệp đó.</source>
        <translation>Saved %1 rejected rows to %2. Fix them and import that file again.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="12"/>
        <source>Tiềm năng</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <location filename="../labels.py" line="80"/>
        <source>Trung thành</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Có nguy cơ rời bỏ</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>Đã rời bỏ</source>
        <translation>Churned</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>Quay lại</source>
        <translation>Reactivated</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>Cao</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>Trung bình</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>Thấp</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>Zalo</source>
        <translation>Zalo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>Tại cửa hàng</source>
        <translation>In store</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>Mua hàng</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>Ghé cửa hàng</source>
        <translation>Store visit</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <location filename="../labels.py" line="50"/>
        <source>Khám mắt</source>
        <translation>Eye exam</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>Đánh giá NPS</source>
        <translation>NPS responses</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Đã gửi tin chiến dịch</source>
        <translation>Campaign message sent</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>Tin đã đến máy</source>
        <translation>Message delivered</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>Đã mở tin</source>
        <translation>Message opened</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>Đã bấm vào liên kết</source>
        <translation>Link clicked</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Từ chối nhận tin</source>
        <translation>Opted out</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Gọng kính</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>Kính mát</source>
        <translation>Sunglasses</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>Kính áp tròng</source>
        <translation>Contact lenses</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>Phụ kiện</source>
        <translation>Accessories</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>Hoàn tất</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>Đã hoàn tiền</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64"/>
        <source>Vòng đời</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>Hành vi</source>
        <translation>Behaviour</translation>
    </message>
    <message>
        <location filename="../labels.py" line="66"/>
        <source>Giá trị (CLV)</source>
        <translation>Value (CLV)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="67"/>
        <source>Tùy chỉnh</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68"/>
        <source>Có sẵn</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <location filename="../labels.py" line="71"/>
        <source>Chờ gửi</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../labels.py" line="72"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>Đã nhận</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../labels.py" line="74"/>
        <source>Lỗi</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../labels.py" line="75"/>
        <source>Đã mở</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../labels.py" line="76"/>
        <source>Đã bấm</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../labels.py" line="79"/>
        <source>Khách hàng xuất sắc</source>
        <translation>Champions</translation>
    </message>
    <message>
        <location filename="../labels.py" line="81"/>
        <source>Có thể trung thành</source>
        <translation>Potential loyalists</translation>
    </message>
    <message>
        <location filename="../labels.py" line="82"/>
        <source>Khách mới</source>
        <translation>New customers</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83"/>
        <source>Triển vọng</source>
        <translation>Promising</translation>
    </message>
    <message>
        <location filename="../labels.py" line="84"/>
        <source>Cần quan tâm</source>
        <translation>Need attention</translation>
    </message>
    <message>
        <location filename="../labels.py" line="85"/>
        <source>Sắp ngủ quên</source>
        <translation>About to sleep</translation>
    </message>
    <message>
        <location filename="../labels.py" line="86"/>
        <source>Có nguy cơ</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../labels.py" line="87"/>
        <source>Không thể để mất</source>
        <translation>Can&apos;t lose them</translation>
    </message>
    <message>
        <location filename="../labels.py" line="88"/>
        <source>Ngủ đông</source>
        <translation>Hibernating</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89"/>
        <source>Đã mất</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../labels.py" line="93"/>
        <location filename="../labels.py" line="94"/>
        <source>tại cửa hàng</source>
        <translation>in store</translation>
    </message>
    <message>
        <location filename="../labels.py" line="95"/>
        <source>qua website</source>
        <translation>via the website</translation>
    </message>
    <message>
        <location filename="../labels.py" line="96"/>
        <source>khi nhập dữ liệu</source>
        <translation>during an import</translation>
    </message>
    <message>
        <location filename="../labels.py" line="97"/>
        <source>qua Zalo</source>
        <translation>via Zalo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="98"/>
        <source>qua SMS</source>
        <translation>via SMS</translation>
    </message>
</context>
<context>
    <name>LanguageSection</name>
    <message>
        <location filename="../pages/settings/page.py" line="342"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="349"/>
        <source>Áp dụng từ lần mở ứng dụng tiếp theo.</source>
        <translation>Applies the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="355"/>
        <source>Đã lưu. Ngôn ngữ mới áp dụng khi mở lại ứng dụng.</source>
        <translation>Saved. The new language applies when the app restarts.</translation>
    </message>
</context>
<context>
    <name>LegalSection</name>
    <message>
        <location filename="../pages/settings/page.py" line="320"/>
        <source>Quy định gửi tin (Nghị định 91/2020/NĐ-CP)</source>
        <translation>Messaging rules (Decree 91/2020/NĐ-CP)</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="324"/>
        <source>Ứng dụng áp dụng các quy định sau cho mọi chiến dịch quảng cáo; chúng không tắt được.</source>
        <translation>The app applies these rules to every advertising campaign; they cannot be turned off.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="94"/>
        <source>Mắt Việt Desktop — CRM khách hàng</source>
        <translation>Mắt Việt Desktop — Customer CRM</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="113"/>
        <source>Khách hàng &amp; chăm sóc</source>
        <translation>Customers &amp; care</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149"/>
        <source>Cơ sở dữ liệu đang mở</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="170"/>
        <source>Không có tác vụ nền</source>
        <translation>No background tasks</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="170"/>
        <source>%n tác vụ đang chạy</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="181"/>
        <source>Lỗi khi chạy “%1”: %2</source>
        <translation>Error while running “%1”: %2</translation>
    </message>
</context>
<context>
    <name>MissingPage</name>
    <message>
        <location filename="../main_window.py" line="50"/>
        <source>Trang này chưa có trong bản cài đặt hiện tại.</source>
        <translation>This page is not part of the installed version.</translation>
    </message>
</context>
<context>
    <name>ModelHealthView</name>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="30"/>
        <source>Độ tin cậy mô hình</source>
        <translation>Model health</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="32"/>
        <source>Kiểm định trên giai đoạn giữ lại:</source>
        <translation>Backtest on the held-out period:</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="35"/>
        <source>%1 ngày gần nhất</source>
        <translation>Last %1 days</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="37"/>
        <source>Chạy lại kiểm định</source>
        <translation>Run the backtest again</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="44"/>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="50"/>
        <source>Dự báo và thực tế theo số lần mua trước đó</source>
        <translation>Predicted and actual by number of earlier purchases</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="53"/>
        <source>Tỷ lệ quay lại mua theo giai đoạn vòng đời</source>
        <translation>Return-to-buy rate by lifecycle stage</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="68"/>
        <source>Đang kiểm định mô hình trên dữ liệu thật… (có thể mất vài phút)</source>
        <translation>Backtesting the models on real data… (may take a few minutes)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="71"/>
        <source>Kiểm định mô hình dự báo</source>
        <translation>Backtest of the prediction models</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="82"/>
        <source>Điểm nguy cơ rời bỏ phân biệt đúng người sẽ không mua lại với người sẽ mua lại trong %1 trường hợp (AUC %2; 50% là đoán mò).</source>
        <translation>The churn-risk score told apart who would not buy again from who would in %1 of cases (AUC %2; 50% is guessing).</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="88"/>
        <source>Tổng số lần mua dự báo lệch %1 so với thực tế (âm là dự báo thấp hơn).</source>
        <translation>Total predicted purchases differ from actual by %1 (negative means under-predicted).</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="91"/>
        <source>Thứ hạng khách theo số lần mua dự báo khớp với thực tế ở mức %1 (tương quan hạng, 1 là hoàn hảo).</source>
        <translation>Ranking customers by predicted purchases matched reality at %1 (rank correlation; 1 is perfect).</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="94"/>
        <source>10% khách được dự báo mua nhiều nhất thực sự mua gấp %1 lần mức trung bình.</source>
        <translation>The 10% of customers predicted to buy most actually bought %1 times the average.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="97"/>
        <source>Thứ hạng CLV khớp với chi tiêu thực tế trong giai đoạn giữ lại ở mức %1.</source>
        <translation>The CLV ranking matched actual spending in the held-out period at %1.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="100"/>
        <source>10% khách có CLV cao nhất chi tiêu gấp %1 lần mức trung bình.</source>
        <translation>The 10% of customers with the highest CLV spent %1 times the average.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="103"/>
        <source>Giai đoạn “có nguy cơ / đã rời bỏ” đoán đúng ai không quay lại với độ chính xác cân bằng %1.</source>
        <translation>The “at risk / churned” stages identified who did not come back with a balanced accuracy of %1.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="105"/>
        <source>Điểm tương tác cao đi kèm khả năng mua lại: AUC %1.</source>
        <translation>A high engagement score goes with buying again: AUC %1.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="110"/>
        <source>Tin cậy được.</source>
        <translation>Trustworthy.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="111"/>
        <source>Dùng được, nên thận trọng.</source>
        <translation>Usable, with caution.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="112"/>
        <source>Chưa đáng tin: chỉ dùng để tham khảo.</source>
        <translation>Not reliable yet: use for reference only.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="124"/>
        <source>Chưa có lần kiểm định nào trên cơ sở dữ liệu này. Bấm “Chạy lại kiểm định” để đo độ chính xác của các điểm dự báo.</source>
        <translation>No backtest has been run on this database yet. Click “Run the backtest again” to measure how accurate the predicted scores are.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="131"/>
        <source>Mô hình được hiệu chỉnh trên dữ liệu đến %1 rồi dự báo %2 ngày tiếp theo (đến %3) cho %4 khách đã mua; sau đó so với những gì thực sự xảy ra. Kiểm định lúc %5.</source>
        <translation>The models were fitted on data up to %1, then predicted the next %2 days (to %3) for %4 customers who had bought; the predictions were then compared with what actually happened. Backtest run at %5.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="140"/>
        <source>Tốt</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="140"/>
        <source>Trung bình</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="140"/>
        <source>Yếu</source>
        <translation>Poor</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="153"/>
        <source>Thực tế (lần mua / khách)</source>
        <translation>Actual (purchases per customer)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="154"/>
        <location filename="../pages/analytics/model_health_dashboard.py" line="164"/>
        <source>Dự báo</source>
        <translation>Predicted</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="161"/>
        <source>Số lần mua lặp lại trước mốc</source>
        <translation>Repeat purchases before the cut-off</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="162"/>
        <location filename="../pages/analytics/model_health_dashboard.py" line="178"/>
        <source>Khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="163"/>
        <source>Thực tế</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="171"/>
        <location filename="../pages/analytics/model_health_dashboard.py" line="179"/>
        <source>Tỷ lệ mua lại</source>
        <translation>Repurchase rate</translation>
    </message>
    <message>
        <location filename="../pages/analytics/model_health_dashboard.py" line="177"/>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../pages/registry.py" line="23"/>
        <source>Khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="25"/>
        <source>Phân khúc</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="27"/>
        <source>Chiến dịch</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="29"/>
        <source>Phân tích</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="31"/>
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="33"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>ProviderCard</name>
    <message>
        <location filename="../pages/settings/providers.py" line="84"/>
        <source>lưu trong kho khóa hệ thống</source>
        <translation>kept in the system keyring</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="89"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="90"/>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="102"/>
        <source>đã lưu — nhập để thay</source>
        <translation>saved — type to replace</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="109"/>
        <source>Lưu cài đặt %1</source>
        <translation>Save %1 settings</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="112"/>
        <source>Đã lưu. Khóa bí mật nằm trong kho khóa.</source>
        <translation>Saved. Secrets are in the keyring.</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="121"/>
        <source>Kiểm tra %1</source>
        <translation>Test %1</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="124"/>
        <source>Không kết nối được: </source>
        <translation>Could not connect: </translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message>
        <location filename="../pages/settings/providers.py" line="26"/>
        <source>Địa chỉ API</source>
        <translation>API address</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="27"/>
        <source>Brandname</source>
        <translation>Brandname</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="28"/>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="29"/>
        <source>Secret key</source>
        <translation>Secret key</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="30"/>
        <source>App ID</source>
        <translation>App ID</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="31"/>
        <source>App secret</source>
        <translation>App secret</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="32"/>
        <source>Zalo OA ID</source>
        <translation>Zalo OA ID</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="33"/>
        <source>Máy chủ SMTP</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="34"/>
        <source>Cổng</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="35"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="36"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="37"/>
        <source>Địa chỉ gửi</source>
        <translation>From address</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="38"/>
        <source>Tên miền</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="39"/>
        <source>Tốc độ tối đa (tin/giây)</source>
        <translation>Maximum rate (messages/second)</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="40"/>
        <source>Thời gian chờ (giây)</source>
        <translation>Timeout (seconds)</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="58"/>
        <source>Kết nối được. Số dư tài khoản: %1</source>
        <translation>Connected. Account balance: %1</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="64"/>
        <source>Kết nối được.</source>
        <translation>Connected.</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="65"/>
        <source>Đã tạo được kết nối (nhà cung cấp này không có lệnh kiểm tra).</source>
        <translation>Connection created (this provider has no test command).</translation>
    </message>
</context>
<context>
    <name>ProvidersSection</name>
    <message>
        <location filename="../pages/settings/providers.py" line="138"/>
        <source>Nhà cung cấp gửi tin</source>
        <translation>Messaging providers</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="141"/>
        <source>Bản cài đặt này chưa có mô-đun gửi tin (eSMS, Zalo, email).</source>
        <translation>This version has no messaging module (eSMS, Zalo, email).</translation>
    </message>
    <message>
        <location filename="../pages/settings/providers.py" line="158"/>
        <source>Tải cài đặt nhà cung cấp</source>
        <translation>Load provider settings</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../main_window.py" line="35"/>
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="36"/>
        <source>Quản lý cửa hàng</source>
        <translation>Store manager</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="37"/>
        <source>Nhân viên</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="43"/>
        <source>Xóa điều kiện</source>
        <translation>Remove condition</translation>
    </message>
</context>
<context>
    <name>SankeyCard</name>
    <message>
        <location filename="../widgets/sankey.py" line="104"/>
        <source>%1 → %2
%3 khách hàng (%4 của nhóm đầu)</source>
        <translation>%1 → %2
%3 customers (%4 of the starting group)</translation>
    </message>
</context>
<context>
    <name>ScheduleStep</name>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="434"/>
        <source>Gửi ngay khi bắt đầu</source>
        <translation>Send as soon as started</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="436"/>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="441"/>
        <source>Lên lịch lúc</source>
        <translation>Schedule at</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="446"/>
        <source>Không giới hạn</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="448"/>
        <source>Ngân sách</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="454"/>
        <source>Nhóm đối chứng</source>
        <translation>Holdout group</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="458"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="459"/>
        <source>Ghi nhận doanh thu trong</source>
        <translation>Attribute revenue within</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="461"/>
        <source>Mã khuyến mãi</source>
        <translation>Promo code</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="463"/>
        <source>Tính chi phí và khả năng đo lường</source>
        <translation>Estimate cost and measurability</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="467"/>
        <source>Chi phí dự kiến và nhóm đối chứng</source>
        <translation>Expected cost and holdout group</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="473"/>
        <source>Số điện thoại / email nhân viên, cách nhau bởi dấu phẩy</source>
        <translation>Staff phone numbers / emails, separated by commas</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="475"/>
        <source>Gửi thử</source>
        <translation>Test send</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="510"/>
        <source>Chi phí dự kiến: &lt;b&gt;%1&lt;/b&gt; cho %2 người nhận × %3 phần tin.</source>
        <translation>Expected cost: &lt;b&gt;%1&lt;/b&gt; for %2 recipients × %3 message parts.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="520"/>
        <source>Ngân sách không đủ cho chi phí dự kiến.</source>
        <translation>The budget does not cover the expected cost.</translation>
    </message>
    <message>
        <location filename="../pages/campaigns/wizard_steps.py" line="524"/>
        <source>Nhóm đối chứng %1 khách: phát hiện được mức tăng tỷ lệ mua từ %2 điểm % trở lên.</source>
        <translation>A holdout of %1 customers detects a purchase-rate lift of %2 percentage points or more.</translation>
    </message>
</context>
<context>
    <name>ScoringSection</name>
    <message>
        <location filename="../pages/settings/page.py" line="160"/>
        <source>Ngưỡng chấm điểm khách hàng</source>
        <translation>Customer scoring thresholds</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="164"/>
        <source>Các ngưỡng này quyết định giai đoạn vòng đời và giá trị CLV. Thay đổi có hiệu lực ở lần chấm điểm tiếp theo; mỗi lần chấm điểm ghi lại giá trị đã dùng.</source>
        <translation>These thresholds decide lifecycle stages and CLV. Changes apply at the next scoring run; every run records the values it used.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="191"/>
        <source>Lưu ngưỡng</source>
        <translation>Save thresholds</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="192"/>
        <source>Khôi phục mặc định</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="193"/>
        <source>Chấm điểm lại ngay</source>
        <translation>Re-score now</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="211"/>
        <source>Tải ngưỡng chấm điểm</source>
        <translation>Load scoring thresholds</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="227"/>
        <source>Lưu ngưỡng chấm điểm</source>
        <translation>Save scoring thresholds</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="231"/>
        <source>Đã lưu ngưỡng chấm điểm.</source>
        <translation>Scoring thresholds saved.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="240"/>
        <source>Khôi phục ngưỡng mặc định</source>
        <translation>Restore default thresholds</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="244"/>
        <source>Đã khôi phục mặc định.</source>
        <translation>Defaults restored.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="259"/>
        <source>Chấm điểm khách hàng</source>
        <translation>Score customers</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="274"/>
        <source>Đã chấm điểm %1 khách hàng.</source>
        <translation>Scored %1 customers.</translation>
    </message>
</context>
<context>
    <name>SegmentBuilderView</name>
    <message>
        <location filename="../pages/segments/builder_view.py" line="65"/>
        <source>Danh sách phân khúc</source>
        <translation>Segment list</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="70"/>
        <location filename="../pages/segments/builder_view.py" line="156"/>
        <source>Tạo phân khúc</source>
        <translation>Create segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="74"/>
        <source>Tên phân khúc, ví dụ “Khách VIP Hà Nội chưa quay lại”</source>
        <translation>Segment name, e.g. “Hanoi VIPs who have not come back”</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="76"/>
        <source>Mô tả ngắn (không bắt buộc)</source>
        <translation>Short description (optional)</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="87"/>
        <source>Quy tắc</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="101"/>
        <source>Diễn giải</source>
        <translation>In plain words</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="111"/>
        <source>Số khách hàng khớp</source>
        <translation>Matching customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="117"/>
        <source>Một vài khách hàng khớp</source>
        <translation>A few matching customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="119"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="119"/>
        <source>Tổng chi tiêu</source>
        <translation>Total spent</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="128"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="130"/>
        <source>Lưu phân khúc</source>
        <translation>Save segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="156"/>
        <source>Sửa phân khúc</source>
        <translation>Edit segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="162"/>
        <source>Tải danh sách cửa hàng</source>
        <translation>Load store list</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="185"/>
        <source>Đang chờ bạn sửa xong…</source>
        <translation>Waiting for you to finish editing…</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="214"/>
        <source>Hãy sửa các điều kiện được đánh dấu đỏ.</source>
        <translation>Fix the conditions marked in red.</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="218"/>
        <source>Đang đếm…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="228"/>
        <source>Đếm khách hàng khớp quy tắc</source>
        <translation>Count customers matching the rule</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="241"/>
        <source>Khách hàng đang khớp quy tắc này (tính trực tiếp).</source>
        <translation>Customers matching this rule right now (computed live).</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="265"/>
        <source>Hãy đặt tên cho phân khúc.</source>
        <translation>Give the segment a name.</translation>
    </message>
    <message>
        <location filename="../pages/segments/builder_view.py" line="288"/>
        <source>Lưu phân khúc “%1”</source>
        <translation>Save segment “%1”</translation>
    </message>
</context>
<context>
    <name>SegmentConditionWidget</name>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="429"/>
        <source>Thuộc phân khúc</source>
        <translation>In segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="430"/>
        <source>Không thuộc phân khúc</source>
        <translation>Not in segment</translation>
    </message>
</context>
<context>
    <name>SegmentDashboardView</name>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="33"/>
        <source>Hiệu quả phân khúc</source>
        <translation>Segment performance</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="44"/>
        <source>Doanh thu theo phân khúc (kỳ này và kỳ trước)</source>
        <translation>Revenue by segment (this period and the previous one)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="48"/>
        <source>Tăng trưởng theo phân khúc</source>
        <translation>Growth by segment</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="51"/>
        <source>Phân khúc</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="52"/>
        <source>Thành viên đầu kỳ</source>
        <translation>Members at the start</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="53"/>
        <source>Thành viên cuối kỳ</source>
        <translation>Members at the end</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="54"/>
        <source>Tăng thành viên</source>
        <translation>Member growth</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="55"/>
        <source>Đơn hàng</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="56"/>
        <source>Doanh thu</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="57"/>
        <location filename="../pages/analytics/segment_dashboard.py" line="235"/>
        <source>Kỳ trước</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="58"/>
        <source>Tăng doanh thu</source>
        <translation>Revenue growth</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="59"/>
        <source>Doanh thu / thành viên</source>
        <translation>Revenue per member</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="65"/>
        <source>Phân khúc hiệu quả nhất</source>
        <translation>Best-performing segments</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="74"/>
        <source>Dịch chuyển giữa ngày đầu và ngày cuối kỳ theo:</source>
        <translation>Migration between the first and last day of the period by:</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="76"/>
        <source>Giai đoạn vòng đời</source>
        <translation>Lifecycle stages</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="77"/>
        <source>Các phân khúc đã chọn</source>
        <translation>Chosen segments</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="80"/>
        <source>Chọn phân khúc…</source>
        <translation>Choose segments…</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="88"/>
        <source>Dịch chuyển khách hàng</source>
        <translation>Customer migration</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="90"/>
        <source>Bảng dịch chuyển</source>
        <translation>Migration table</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="93"/>
        <source>Đầu kỳ</source>
        <translation>Start of period</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="94"/>
        <source>Cuối kỳ</source>
        <translation>End of period</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="95"/>
        <source>Khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="96"/>
        <source>Tỷ lệ trong nhóm đầu kỳ</source>
        <translation>Share of the starting group</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="119"/>
        <source>Mở trang Phân khúc</source>
        <translation>Open the Segments page</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="137"/>
        <source>Chưa có phân khúc nào để so sánh doanh thu</source>
        <translation>No segments to compare revenue by yet</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="140"/>
        <source>Doanh thu theo phân khúc cần ít nhất một phân khúc đang hoạt động. Vào trang &lt;b&gt;Phân khúc&lt;/b&gt;, tạo phân khúc (hoặc dùng các phân khúc dựng sẵn) rồi bấm &lt;b&gt;Làm mới tất cả&lt;/b&gt;; sau đó quay lại đây và bấm &lt;b&gt;Làm mới&lt;/b&gt;.</source>
        <translation>Revenue by segment needs at least one active segment. Go to the &lt;b&gt;Segments&lt;/b&gt; page, create segments (or use the built-in ones) and click &lt;b&gt;Refresh all&lt;/b&gt;; then come back here and click &lt;b&gt;Refresh&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="146"/>
        <source>Chưa có lịch sử thành viên phân khúc</source>
        <translation>No segment membership history yet</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="149"/>
        <source>Doanh thu được tính cho phân khúc mà khách thuộc về &lt;i&gt;lúc mua hàng&lt;/i&gt;, theo lịch sử thành viên. Lịch sử này được ghi mỗi lần làm mới phân khúc, và chưa phân khúc nào được làm mới. Vào trang &lt;b&gt;Phân khúc&lt;/b&gt;, bấm &lt;b&gt;Làm mới tất cả&lt;/b&gt;; doanh thu theo phân khúc sẽ có từ lần làm mới đầu tiên trở đi.</source>
        <translation>Revenue counts for the segment the customer belonged to &lt;i&gt;when buying&lt;/i&gt;, from the membership history. That history is written each time segments are refreshed, and no segment has been refreshed yet. Go to the &lt;b&gt;Segments&lt;/b&gt; page and click &lt;b&gt;Refresh all&lt;/b&gt;; revenue by segment will be available from the first refresh on.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="162"/>
        <source>Lịch sử thành viên phân khúc bắt đầu từ %1: đơn hàng trước ngày đó không thuộc phân khúc nào nên không có trong doanh thu theo phân khúc (kể cả kỳ trước).</source>
        <translation>Segment membership history starts on %1: orders before that day belong to no segment and are not in revenue by segment (the previous period included).</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="171"/>
        <source>Chưa có lịch sử giai đoạn vòng đời cho kỳ này. Giai đoạn được ghi mỗi lần chấm điểm khách hàng (Cài đặt → Chấm điểm lại ngay).</source>
        <translation>No lifecycle-stage history for this period yet. Stages are recorded each time customers are scored (Settings → Score again now).</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="177"/>
        <source>Chọn ít nhất một phân khúc đã được làm mới để xem dịch chuyển.</source>
        <translation>Choose at least one refreshed segment to see migration.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="191"/>
        <source>Tải danh sách phân khúc</source>
        <translation>Load segment list</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="220"/>
        <source>Ngoài các phân khúc đã chọn</source>
        <translation>Outside the chosen segments</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="228"/>
        <source>Thành viên các phân khúc chưa có đơn hàng hoàn tất nào trong kỳ này và kỳ trước.</source>
        <translation>Segment members have no completed orders in this period or the previous one.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="233"/>
        <source>Kỳ này</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="245"/>
        <source>Chưa có phân khúc nào có thành viên trong kỳ.</source>
        <translation>No segment had members in this period.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="247"/>
        <source>Chưa có doanh thu trong kỳ để xếp hạng phân khúc.</source>
        <translation>No revenue in this period to rank segments by.</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="250"/>
        <source>%1. &lt;b&gt;%2&lt;/b&gt; — %3 / thành viên (%4 thành viên)</source>
        <translation>%1. &lt;b&gt;%2&lt;/b&gt; — %3 per member (%4 members)</translation>
    </message>
    <message>
        <location filename="../pages/analytics/segment_dashboard.py" line="267"/>
        <source>Dịch chuyển khách hàng từ %1 đến %2</source>
        <translation>Customer migration from %1 to %2</translation>
    </message>
</context>
<context>
    <name>SegmentDetailView</name>
    <message>
        <location filename="../pages/segments/detail_view.py" line="51"/>
        <source>Danh sách phân khúc</source>
        <translation>Segment list</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="55"/>
        <source>Sửa quy tắc</source>
        <translation>Edit rule</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="56"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="57"/>
        <source>Xuất CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="58"/>
        <source>Xuất Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="59"/>
        <source>Tạo chiến dịch cho phân khúc này</source>
        <translation>Create a campaign for this segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="77"/>
        <source>Số khách hàng</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="78"/>
        <source>Thay đổi 90 ngày</source>
        <translation>Change over 90 days</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="79"/>
        <source>Khách VIP và hạng cao</source>
        <translation>VIP and high-tier customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="80"/>
        <source>Làm mới lần cuối</source>
        <translation>Last refreshed</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="85"/>
        <source>Quy tắc</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="99"/>
        <source>Số khách theo thời gian</source>
        <translation>Customers over time</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="100"/>
        <source>Theo giai đoạn vòng đời</source>
        <translation>By lifecycle stage</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="101"/>
        <source>Theo hạng CLV</source>
        <translation>By CLV tier</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="102"/>
        <source>Theo cửa hàng</source>
        <translation>By store</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="103"/>
        <source>Theo loại sản phẩm ưa thích</source>
        <translation>By preferred product category</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="115"/>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="131"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="142"/>
        <source>Tải chi tiết phân khúc</source>
        <translation>Load segment details</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="156"/>
        <source>Phân khúc tĩnh</source>
        <translation>Static segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="156"/>
        <source>Phân khúc động</source>
        <translation>Dynamic segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="160"/>
        <source>khách hàng trong lần làm mới gần nhất</source>
        <translation>customers at the last refresh</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="165"/>
        <source>so với %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="168"/>
        <source>cần ít nhất hai ngày có làm mới</source>
        <translation>needs refreshes on at least two days</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="171"/>
        <source> của phân khúc</source>
        <translation> of the segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="175"/>
        <source>Danh sách cố định: thành viên được chọn hoặc nhập từ tệp.</source>
        <translation>Fixed list: members chosen by hand or imported from a file.</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="191"/>
        <source>Làm mới phân khúc</source>
        <translation>Refresh segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="203"/>
        <source>Xuất thành viên phân khúc</source>
        <translation>Export segment members</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="205"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="205"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel file (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="213"/>
        <source>Xuất phân khúc “%1”</source>
        <translation>Export segment “%1”</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="215"/>
        <source>Đã xuất ra %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="220"/>
        <source>Xuất thất bại: </source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../pages/segments/detail_view.py" line="231"/>
        <source>Trang Chiến dịch chưa có trong bản cài đặt này.</source>
        <translation>The Campaigns page is not part of this version.</translation>
    </message>
</context>
<context>
    <name>SegmentListView</name>
    <message>
        <location filename="../pages/segments/list_view.py" line="134"/>
        <source>Phân khúc</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="135"/>
        <source>Nhóm khách hàng theo quy tắc, tự cập nhật khi dữ liệu thay đổi.</source>
        <translation>Customer groups defined by rules, kept up to date as data changes.</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="137"/>
        <source>Làm mới tất cả</source>
        <translation>Refresh all</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="138"/>
        <source>Tạo phân khúc</source>
        <translation>Create segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="146"/>
        <source>Lọc theo tên phân khúc</source>
        <translation>Filter by segment name</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="151"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="152"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="153"/>
        <source>Nhân bản</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="154"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="205"/>
        <source>Tải danh sách phân khúc</source>
        <translation>Load segment list</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="215"/>
        <source>%1 phân khúc. Nhóm khách hàng theo quy tắc, tự cập nhật khi dữ liệu thay đổi.</source>
        <translation>%1 segments. Customer groups defined by rules, kept up to date as data changes.</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="256"/>
        <source>Làm mới mọi phân khúc</source>
        <translation>Refresh all segments</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="258"/>
        <source>Đã làm mới mọi phân khúc.</source>
        <translation>All segments refreshed.</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="265"/>
        <source>Làm mới “%1”</source>
        <translation>Refresh “%1”</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="267"/>
        <source>Đã làm mới “%1”.</source>
        <translation>Refreshed “%1”.</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="274"/>
        <source>Nhân bản “%1”</source>
        <translation>Duplicate “%1”</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="276"/>
        <source>Đã tạo bản sao của “%1”.</source>
        <translation>Created a copy of “%1”.</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="286"/>
        <source>Không xóa được “%1”: đang được dùng bởi %2.</source>
        <translation>Cannot delete “%1”: used by %2.</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="292"/>
        <location filename="../pages/segments/list_view.py" line="297"/>
        <source>Xóa phân khúc</source>
        <translation>Delete segment</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="292"/>
        <source>Xóa phân khúc “%1”?</source>
        <translation>Delete segment “%1”?</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="299"/>
        <source>Đã xóa “%1”.</source>
        <translation>Deleted “%1”.</translation>
    </message>
</context>
<context>
    <name>SegmentTable</name>
    <message>
        <location filename="../pages/segments/list_view.py" line="39"/>
        <source>Tên phân khúc</source>
        <translation>Segment name</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="40"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="41"/>
        <source>Số khách</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="42"/>
        <source>Xu hướng 90 ngày</source>
        <translation>90-day trend</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="43"/>
        <source>Làm mới lúc</source>
        <translation>Refreshed at</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="44"/>
        <source>Được dùng bởi</source>
        <translation>Used by</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="92"/>
        <source>Tĩnh</source>
        <translation>Static</translation>
    </message>
    <message>
        <location filename="../pages/segments/list_view.py" line="94"/>
        <source>Động</source>
        <translation>Dynamic</translation>
    </message>
</context>
<context>
    <name>SendingController</name>
    <message>
        <location filename="../pages/campaigns/sending.py" line="92"/>
        <source>Gửi chiến dịch “%1”</source>
        <translation>Send campaign “%1”</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../pages/settings/page.py" line="295"/>
        <source>Tin quảng cáo phải có đồng ý của khách cho đúng kênh, và không gửi cho số/địa chỉ trong danh sách không liên lạc.</source>
        <translation>Advertising needs the customer&apos;s consent for that channel, and never goes to numbers or addresses on the do-not-contact list.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="300"/>
        <source>SMS quảng cáo chỉ gửi từ 07:00 đến 22:00 (giờ Việt Nam); tin đến ngoài giờ được giữ lại chờ sáng hôm sau.</source>
        <translation>Advertising SMS go out only between 07:00 and 22:00 Vietnam time; messages due outside that window wait for the next morning.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="305"/>
        <source>Mỗi số điện thoại nhận tối đa 3 SMS quảng cáo và mỗi email tối đa 3 thư quảng cáo trong 24 giờ, tính trên mọi chiến dịch.</source>
        <translation>Each phone number receives at most 3 advertising SMS, and each email address at most 3 advertising emails, in any 24 hours across all campaigns.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="310"/>
        <source>Tin quảng cáo bắt đầu bằng nhãn [QC] và kết thúc bằng hướng dẫn từ chối; khách từ chối là dừng ngay.</source>
        <translation>Advertising messages start with the [QC] label and end with opt-out instructions; an opt-out stops them at once.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings/page.py" line="364"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="364"/>
        <source>Kết nối, chấm điểm, nhà cung cấp gửi tin, quy định và ngôn ngữ.</source>
        <translation>Connection, scoring, messaging providers, rules and language.</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="382"/>
        <source>Kết nối</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="383"/>
        <source>Chấm điểm</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="384"/>
        <source>Nhà cung cấp gửi tin</source>
        <translation>Messaging providers</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="385"/>
        <source>Quy định pháp lý</source>
        <translation>Legal rules</translation>
    </message>
    <message>
        <location filename="../pages/settings/page.py" line="386"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../main_window.py" line="64"/>
        <source>Tác vụ đang chạy</source>
        <translation>Running tasks</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="69"/>
        <source>Không có tác vụ nào đang chạy.</source>
        <translation>No task is running.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="71"/>
        <source>Hủy tác vụ đã chọn</source>
        <translation>Cancel selected task</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="89"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="108"/>
        <source>các giá trị, cách nhau bởi dấu phẩy</source>
        <translation>values, separated by commas</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="114"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="141"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../pages/segments/rule_editor.py" line="142"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
</TS>
