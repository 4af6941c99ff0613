/**
 * The words of Chinese prompts (as Kling users write them) that the director can read, each with
 * the English words its tables know, and what kind of word it is (english-prompt.ts joins them into
 * sentences by kind). Only what some table acts on or notes: people and animals, their actions,
 * camera moves, weather and light, places that imply a sound, sounds and music. Words with no
 * meaning of their own for the plan (particles, measure words) are `skip`.
 */

export type ChineseWordKind =
  /** someone or something that may act: opens a clause */
  | 'subject'
  /** an action or a verb phrase, in the third person */
  | 'verb'
  /** a camera move, a weather, a light, a sound or a place: a clause of its own */
  | 'clause'
  /** words that modify the next one ("slowly", "heavy") */
  | 'modifier'
  /** where someone or something is ("by the window"): read inside the clause */
  | 'place'
  /** joins clauses ("then", "and") */
  | 'link'
  | 'skip';

export type ChineseWord = readonly [chinese: string, english: string, kind: ChineseWordKind];

/** Words of one kind, Chinese → English. */
const kind = (k: ChineseWordKind, pairs: Record<string, string>): ChineseWord[] => Object.entries(pairs).map(([c, e]) => [c, e, k]);

export const CHINESE_WORDS: readonly ChineseWord[] = [
  ...kind('subject', {
    男人: 'the man', 男子: 'the man', 男士: 'the man', 女人: 'the woman', 女子: 'the woman', 女士: 'the woman', 女孩: 'the girl', 女生: 'the girl',
    男孩: 'the boy', 男生: 'the boy', 小女孩: 'the little girl', 小男孩: 'the little boy', 老人: 'the old man', 老爷爷: 'the old man', 老奶奶: 'the old woman',
    孩子: 'the child', 小孩: 'the child', 婴儿: 'the baby', 宝宝: 'the baby', 她: 'she', 他: 'he', 它: 'it', 他们: 'they', 她们: 'they', 人们: 'people',
    人群: 'the crowd', 宇航员: 'the astronaut', 士兵: 'the soldier', 厨师: 'the chef', 歌手: 'the singer', 模特: 'the model', 新娘: 'the bride',
    足球运动员: 'the footballer', 球员: 'the player', 运动员: 'the athlete', 警察: 'the police officer', 医生: 'the doctor', 老师: 'the teacher',
    灯光: 'the lights', 灯: 'the lights',
    小猫: 'the kitten', 猫咪: 'the cat', 猫: 'the cat', 小狗: 'the puppy', 狗狗: 'the dog', 狗: 'the dog', 小鸟: 'the bird', 鸟: 'the bird', 马: 'the horse',
    松鼠: 'the squirrel', 狮子: 'the lion', 老虎: 'the tiger', 熊猫: 'the panda', 熊: 'the bear', 兔子: 'the rabbit', 猴子: 'the monkey', 猫头鹰: 'the owl',
    老鹰: 'the eagle', 鹰: 'the hawk', 鱼: 'the fish', 蝴蝶: 'the butterfly', 猎豹: 'the cheetah', 狐狸: 'the fox', 鹦鹉: 'the parrot', 鸭子: 'the duck',
    汽车: 'the car', 车: 'the car', 火箭: 'the rocket', 船: 'the boat', 飞机: 'the plane', 火车: 'the train', 摩托车: 'the motorcycle', 直升机: 'the helicopter',
  }),
  ...kind('verb', {
    微笑: 'smiles', 露出微笑: 'smiles', 笑了笑: 'smiles', 哈哈大笑: 'laughs', 大笑: 'laughs', 笑: 'laughs', 点头: 'nods', 点了点头: 'nods', 摇头: 'shakes head',
    摇了摇头: 'shakes head', 转头: 'turns head', 扭头: 'turns head', 转过头: 'turns head', 回头: 'looks back', 向左看: 'looks left', 向右看: 'looks right',
    看向左边: 'looks left', 看向右边: 'looks right', 左右张望: 'looks around', 环顾四周: 'looks around', 四处张望: 'looks around', 抬头: 'looks up',
    低头: 'looks down', 歪头: 'tilts head', 歪着头: 'tilts head', 眨眼睛: 'blinks', 眨了眨眼: 'blinks', 眨眼: 'blinks', 闭上眼睛: 'closes her eyes',
    睁开眼睛: 'opens her eyes', 挥手致意: 'waves', 挥手: 'waves', 招手: 'waves', 举起手: 'raises a hand', 举手: 'raises a hand', 指向: 'points at', 耸肩: 'shrugs',
    皱眉: 'frowns', 挑眉: 'raises an eyebrow', 眨单眼: 'winks', 眨一只眼: 'winks', 抛媚眼: 'winks', 深呼吸: 'takes a deep breath', 呼吸: 'breathes', 叹气: 'sighs',
    打哈欠: 'yawns', 张嘴: 'opens its mouth', 咀嚼: 'chews', 嚼: 'chews', 啃: 'nibbles', 吃: 'eats', 闻: 'sniffs', 嗅: 'sniffs', 摇尾巴: 'wags its tail',
    竖起耳朵: 'perks up its ears', 说话: 'talks', 跳舞: 'dances', 走路: 'walks', 走向: 'walks toward', 走: 'walks', 奔跑: 'runs', 跑: 'runs', 跳: 'jumps',
    喝咖啡: 'sips coffee', 喝: 'drinks', 看着镜头: 'looks at the camera', 看向镜头: 'looks at the camera', 望向镜头: 'looks at the camera', 注视镜头: 'looks at the camera',
    看着: 'looks at', 看向: 'looks toward', 哭泣: 'cries', 哭: 'cries', 流泪: 'cries', 喵喵叫: 'meows', 喵: 'meows', 汪汪叫: 'barks', 狗叫: 'barks', 吠叫: 'barks',
    飞翔: 'flies', 飞: 'flies', 游泳: 'swims', 游: 'swims', 转身: 'turns around', 靠近镜头: 'leans in', 凑近: 'leans in', 摇摆: 'sways', 摆动: 'sways',
    唱歌: 'sings', 唱着: 'sings', 唱: 'sings', 哼着: 'hums', 哼歌: 'hums a tune', 说道: 'says', 说: 'says', 低声说: 'whispers', 轻声说: 'whispers', 喊道: 'shouts', 喊: 'shouts', 拥抱: 'hugs', 亲吻: 'kisses', 踢球: 'kicks the ball',
    打了个响指: 'snaps fingers', 打响指: 'snaps fingers', 响指: 'snaps fingers', 灭了: 'go out', 熄灭了: 'go out', 熄灭: 'go out', 闪烁: 'flicker',
    踢: 'kicks', 坐着: 'sits', 坐在: 'sits on', 站着: 'stands', 站在: 'stands on', 躺着: 'lies', 躺在: 'lies on', 睡觉: 'sleeps', 起飞: 'lifts off', 发射: 'launches',
  }),
  ...kind('clause', {
    镜头缓慢推进: 'slow push in', 镜头推进: 'push in', 推进: 'push in', 推镜头: 'push in', 推近: 'push in', 镜头拉近: 'push in', 拉近: 'push in', 镜头拉远: 'pull out', 拉镜头: 'pull out',
    拉远: 'pull out', 镜头后拉: 'pull out', 后拉: 'pull out', 向左摇: 'pan left', 左摇: 'pan left', 向右摇: 'pan right', 右摇: 'pan right', 摇镜头: 'pan',
    向上摇: 'tilt up', 上摇: 'tilt up', 向下摇: 'tilt down', 下摇: 'tilt down', 向左平移: 'truck left', 左移: 'truck left', 向右平移: 'truck right', 右移: 'truck right',
    平移: 'truck', 镜头上升: 'crane up', 升镜头: 'crane up', 镜头下降: 'crane down', 降镜头: 'crane down', 环绕拍摄: 'orbit', 环绕: 'orbit', 绕着: 'orbit around',
    航拍: 'drone shot', 无人机: 'drone shot', 手持镜头: 'handheld camera', 手持: 'handheld camera', 固定镜头: 'static shot', 镜头固定: 'static shot', 静止镜头: 'static shot',
    希区柯克变焦: 'dolly zoom', 滑动变焦: 'dolly zoom', 变焦: 'zoom', 甩镜头: 'whip pan', 快速摇镜: 'whip pan', 跟拍: 'tracking shot', 跟随拍摄: 'tracking shot',
    焦点转移: 'rack focus', 移焦: 'rack focus', 镜头旋转: 'camera roll', 特写镜头: 'close up', 特写: 'close up', 慢动作: 'slow motion', 慢镜头: 'slow motion',
    暴风雨: 'storm', 雷雨: 'thunderstorm', 大雨: 'heavy rain', 小雨: 'light rain', 细雨: 'drizzle', 下雨: 'rain', 雨: 'rain', 大雪: 'heavy snow', 小雪: 'light snow',
    下雪: 'snow', 雪花: 'snowflakes', 雪: 'snow', 闪电: 'lightning', 打雷: 'thunder', 雷声: 'thunder', 微风: 'breeze', 大风: 'strong wind', 风声: 'sound of wind', 风: 'wind',
    雾: 'fog', 烟雾: 'smoke', 烟: 'smoke', 蒸汽: 'steam', 篝火: 'campfire', 火焰: 'flames', 火: 'fire', 云朵飘动: 'clouds drift', 云: 'clouds', 阳光: 'sunlight',
    日落: 'sunset', 日出: 'sunrise', 黄昏: 'dusk', 夜晚: 'night', 星空: 'starry sky', 海浪声: 'sound of waves', 海浪: 'waves crash', 海边: 'beach', 大海: 'sea', 海: 'sea',
    河流: 'river', 小溪: 'stream', 瀑布: 'waterfall', 森林: 'forest sounds', 城市: 'city', 街道: 'street', 霓虹灯: 'neon lights', 萤火虫: 'fireflies', 落叶: 'falling leaves',
    花瓣飘落: 'falling petals', 樱花: 'cherry blossoms', 咖啡馆: 'cafe', 背景音乐: 'background music', 轻音乐: 'soft music', 音乐: 'music', 钢琴: 'piano',
    吉他: 'guitar', 小提琴: 'violin', 爵士乐: 'jazz', 爵士: 'jazz', 古典音乐: 'classical music', 管弦乐: 'orchestral music', 史诗音乐: 'epic music', 电子音乐: 'electronic music',
    鸟叫声: 'birds chirping', 鸟叫: 'birds chirping', 鸟鸣: 'birds chirping', 狗叫声: 'dog barking', 猫叫声: 'cat meowing', 掌声: 'applause', 欢呼声: 'cheering',
    欢呼: 'cheering', 笑声: 'laughter', 脚步声: 'footsteps', 雨声: 'sound of rain', 心跳声: 'heartbeat', 心跳: 'heartbeat', 钟声: 'bells', 敲门声: 'knocking',
    敲门: 'knocks on the door', 无线电噪音: 'radio static', 噪音: 'noise', 门铃: 'doorbell', 引擎声: 'engine', 引擎: 'engine', 警笛: 'siren', 旁白: 'narrator', 火箭发射: 'rocket launch',
    警笛声: 'sirens', 海鸥叫声: 'seagulls calling', 海鸥: 'seagulls', 烟花: 'fireworks', 烟火: 'fireworks', 狼嚎: 'wolf howling', 咳嗽: 'coughing', 喇叭声: 'car horn',
    汽车喇叭: 'car horn', 电话铃声: 'phone ringing', 电话响: 'phone rings', 呼噜声: 'purring', 滋滋声: 'sizzling', 喘气声: 'heavy breathing', 喘息声: 'heavy breathing',
    枪声: 'gunshot', 尖叫声: 'screaming', 尖叫: 'screams', 玻璃破碎: 'glass shatters', 马蹄声: 'hooves galloping', 羊叫声: 'sheep bleating', 打喷嚏: 'sneezes',
    树叶沙沙: 'leaves rustling', 沙沙声: 'rustling', 哭声: 'crying', 婴儿哭声: 'baby crying', 狮子吼: 'lion roars', 公鸡打鸣: 'rooster crows', 马嘶: 'horse neighs',
    火车声: 'a train passing', 火车鸣笛: 'train whistle', 鲸鱼的歌声: 'whale song', 鲸歌: 'whale song', 乌鸦叫: 'crows caw', 蛙鸣: 'frogs croaking', 青蛙叫: 'frogs croaking',
    鸭子叫: 'ducks quack', 轮胎尖啸: 'tires screech', 刹车声: 'brakes screech', 打呼噜: 'snoring', 打鼾: 'snoring', 大象叫: 'elephant trumpets', 猪叫: 'pig oinks',
    鸡叫: 'hens clucking', 猴子叫: 'monkeys chatter', 电锯声: 'chainsaw', 电锯: 'chainsaw', 海豚叫: 'dolphin clicks', 驴叫: 'donkey brays', 嘘声: 'booing', 闹钟响: 'alarm clock rings', 闹钟: 'alarm clock',
    吸尘器: 'vacuum cleaner', 吸尘: 'vacuuming', 电钻声: 'power drill', 电钻: 'power drill', 风镐: 'jackhammer', 电镐: 'jackhammer', 割草机: 'lawn mower', 割草: 'mowing the lawn',
    吹叶机: 'leaf blower', 角磨机: 'angle grinder', 切割机: 'angle grinder', 圆锯: 'circular saw', 锤子敲: 'hammering', 敲钉子: 'hammers nails', 打铁: 'blacksmith hammers',
    灯灭了: 'the lights go out', 灯熄灭: 'the lights go out', 灯灭: 'the lights go out', 熄灯: 'the lights go out', 关灯: 'turns off the lights', 停电: 'power cut',
    收音机里播放: 'a radio plays', 收音机: 'a radio plays', 留声机: 'a gramophone plays', 唱片机: 'a record player plays', 点唱机: 'a jukebox plays',
    刀剑相碰: 'swords clash', 刀剑碰撞: 'swords clash', 剑声: 'swords clash', 击剑: 'fencing match', 劈柴: 'chopping wood', 砍柴: 'chopping wood',
  }),
  ...kind('clause', {
    窗外下着大雨: 'heavy rain outside the window', 窗外下大雨: 'heavy rain outside the window', 窗外下着雨: 'rain outside the window', 窗外下雨: 'rain outside the window',
    窗外下着雪: 'snow outside the window', 窗外下雪: 'snow outside the window',
  }),
  ...kind('place', {
    窗外: 'outside the window', 窗边: 'by the window', 窗前: 'by the window', 草地上: 'on the grass', 草地: 'on the grass', 草原上: 'in the meadow', 草原: 'in the meadow',
    沙滩上: 'on the beach', 沙滩: 'on the beach', 公园里: 'in the park', 公园: 'in the park', 房间里: 'in the room', 厨房里: 'in the kitchen', 厨房: 'in the kitchen',
    桌子上: 'on the table', 桌上: 'on the table', 树枝上: 'on a branch', 树上: 'in the tree', 街上: 'on the street', 雨中: 'in the rain', 雪中: 'in the snow',
    舞台上: 'on stage', 镜头前: 'in front of the camera', 地球: 'the earth', 月亮: 'the moon', 天空: 'the sky',
  }),
  ...kind('modifier', {
    慢慢地: 'slowly', 慢慢: 'slowly', 缓缓地: 'slowly', 缓缓: 'slowly', 缓慢地: 'slowly', 缓慢: 'slow', 轻轻地: 'gently', 轻轻: 'gently', 突然: 'suddenly',
    快速地: 'quickly', 快速: 'fast', 开心地: 'happily', 温柔地: 'gently', 低沉的: 'low', 低沉: 'low', 平静的: 'calm', 平静: 'calm', 温柔的: 'gentle',
    温暖的: 'warm', 柔和的: 'soft', 轻柔的: 'soft', 史诗般的: 'epic', 紧张的: 'tense', 悲伤的: 'sad', 欢快的: 'upbeat', 浪漫的: 'romantic',
  }),
  ['然后', 'then', 'link'], ['接着', 'then', 'link'], ['随后', 'then', 'link'], ['之后', 'then', 'link'], ['同时', 'while', 'link'], ['一边', 'while', 'link'],
  ['并且', 'and', 'link'], ['并', 'and', 'link'], ['和', 'and', 'link'], ['与', 'and', 'link'], ['跟', 'and', 'link'],
  ...['的', '地', '得', '了', '着', '在', '正在', '正', '一个', '一只', '一位', '一名', '一辆', '一条', '一头', '一', '把', '被', '很', '非常', '画面', '视频', '中', '里', '上',
    '镜头', '着镜头', '下着', '这', '那', '是', '有'].map((c): ChineseWord => [c, '', 'skip']),
];
